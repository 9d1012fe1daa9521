import { Config } from '@backstage/config';
import { BigIntStats, constants, promises as fs } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { StateSourceError } from './StateSourceError';
import { StateSource } from './types';

const REAL_ROOT_TTL_MS = 5_000;

/**
 * Reads `*.tfstate` files from a directory on the portal's disk (Terraform's `local`
 * backend, or states synced there by some other job). The key is a relative path under
 * `root`; the marker is the file's mtime and size.
 *
 * @public
 */
export class LocalStateSource implements StateSource {
  readonly type = 'local' as const;

  /**
   * Reads `{ id, root }` from one entry of `squadInsights.terraform.sources`. A relative root
   * is resolved against `baseDir` (default: the working directory, as the backend does).
   */
  static fromConfig(config: Config, baseDir?: string): LocalStateSource {
    return LocalStateSource.create({
      id: config.getString('id'),
      root: config.getString('root'),
      baseDir,
    });
  }

  static create(options: {
    id: string;
    root: string;
    baseDir?: string;
  }): LocalStateSource {
    return new LocalStateSource(
      options.id,
      path.resolve(options.baseDir ?? process.cwd(), options.root),
    );
  }

  private constructor(readonly id: string, private readonly root: string) {}

  /**
   * The marker alone, as cheaply as it can be had: it is asked for every state on every pass.
   * The same containment check as {@link LocalStateSource.read} (real path inside the real
   * root), then one `stat` of that real path; no file is opened. A file swapped between this
   * and a later read only makes the marker stale, and `read` checks again and stats the file
   * it opened, so what is stored always belongs together.
   */
  async marker(key: string): Promise<string | undefined> {
    const candidate = path.resolve(this.root, key);
    if (!isInside(this.root, candidate)) throw this.refused(key);
    const realRoot = await this.realRoot(key);
    let real: string;
    let stat: BigIntStats;
    try {
      real = await fs.realpath(candidate);
      if (!isInside(realRoot, real)) throw this.refused(key);
      stat = await fs.stat(real, { bigint: true });
    } catch (error) {
      if (error instanceof StateSourceError) throw error;
      if (isMissing(error)) return undefined;
      throw new StateSourceError({
        sourceId: this.id,
        key,
        reason: 'could not be read',
        cause: error,
      });
    }
    if (!stat.isFile()) {
      throw new StateSourceError({
        sourceId: this.id,
        key,
        reason: 'is not a regular file',
      });
    }
    return `${stat.mtimeNs}-${stat.size}`;
  }

  async read(
    key: string,
  ): Promise<{ marker: string; body: Readable } | undefined> {
    const file = await this.open(key);
    if (!file) return undefined;
    // The stream owns the handle from here and closes it when done or destroyed.
    return { marker: file.marker, body: file.handle.createReadStream() };
  }

  /**
   * Opens the file behind `key`, or `undefined` when there is none.
   *
   * Keys are validated (relative, no `..`), but a symlink inside `root` could still point
   * anywhere on the machine, and catalog authors choose the key. So the real path is
   * resolved and must stay inside the real root; the file is then opened with O_NOFOLLOW
   * and stat'ed through the handle, so the marker and the bytes belong to the same file
   * even if the directory changes meanwhile.
   */
  private async open(key: string) {
    const candidate = path.resolve(this.root, key);
    if (!isInside(this.root, candidate)) throw this.refused(key);

    const realRoot = await this.realRoot(key);
    let real: string;
    try {
      real = await fs.realpath(candidate);
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw new StateSourceError({
        sourceId: this.id,
        key,
        reason: 'could not be read',
        cause: error,
      });
    }
    if (!isInside(realRoot, real)) throw this.refused(key);

    let handle: fs.FileHandle;
    try {
      handle = await fs.open(
        real,
        constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0),
      );
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw new StateSourceError({
        sourceId: this.id,
        key,
        reason: 'could not be read',
        cause: error,
      });
    }
    // Nanosecond mtime: two writes of the same size within one millisecond still differ.
    const stat = await handle.stat({ bigint: true });
    if (!stat.isFile()) {
      await handle.close();
      throw new StateSourceError({
        sourceId: this.id,
        key,
        reason: 'is not a regular file',
      });
    }
    return { handle, marker: `${stat.mtimeNs}-${stat.size}` };
  }

  private cachedRealRoot?: { path: string; until: number };

  /**
   * The root's real path; a missing root is a configuration fault, not "no state yet". It is
   * asked for on every marker of every pass, so it is kept for a few seconds: the containment
   * check compares each state's own real path against it, and a root re-pointed meanwhile
   * only keeps the previous (configured, allowed) directory as the bound a little longer.
   */
  private async realRoot(key: string): Promise<string> {
    const cached = this.cachedRealRoot;
    if (cached && cached.until > Date.now()) return cached.path;
    try {
      const real = await fs.realpath(this.root);
      this.cachedRealRoot = {
        path: real,
        until: Date.now() + REAL_ROOT_TTL_MS,
      };
      return real;
    } catch (error) {
      // The path is not named (see refused()).
      throw new StateSourceError({
        sourceId: this.id,
        key,
        reason: isMissing(error)
          ? 'could not be read: the source root directory does not exist (check its root in squadInsights.terraform.sources; relative roots are resolved from the working directory)'
          : 'could not be read',
        cause: error,
      });
    }
  }

  private refused(key: string) {
    // The resolved target is deliberately not named: the message may reach catalog authors.
    return new StateSourceError({
      sourceId: this.id,
      key,
      reason: 'was refused: it resolves outside the source root',
    });
  }
}

function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return (
    relative !== '' &&
    relative !== '..' &&
    !relative.startsWith(`..${path.sep}`) &&
    !path.isAbsolute(relative)
  );
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException)?.code;
  // ENOTDIR: a path segment of the key is a file, so the state cannot exist either.
  return code === 'ENOENT' || code === 'ENOTDIR';
}
