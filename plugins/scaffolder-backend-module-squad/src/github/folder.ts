import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/** One file of a workspace folder, as it goes into a Git tree. */
export interface FolderFile {
  /** Path inside the folder, with forward slashes. */
  path: string;
  /** Git file mode: regular, executable or symbolic link. */
  mode: '100644' | '100755' | '120000';
  content: Buffer;
}

/**
 * Reads every file below a folder (sorted by path, `.git` left out) with the mode Git would
 * record, so the pushed tree keeps executable scripts executable.
 */
export async function readFolder(root: string): Promise<FolderFile[]> {
  const files: FolderFile[] = [];
  async function walk(dir: string) {
    for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      const relative = path.relative(root, full).split(path.sep).join('/');
      if (entry.isDirectory()) {
        if (entry.name !== '.git') {
          await walk(full);
        }
      } else if (entry.isSymbolicLink()) {
        files.push({ path: relative, mode: '120000', content: Buffer.from(await fs.readlink(full)) });
      } else if (entry.isFile()) {
        const { mode } = await fs.stat(full);
        // eslint-disable-next-line no-bitwise
        const executable = (mode & 0o111) !== 0;
        files.push({ path: relative, mode: executable ? '100755' : '100644', content: await fs.readFile(full) });
      }
    }
  }
  await walk(root);
  return files.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/**
 * The SHA Git gives a blob with this content; lets a re-run see that a repository already
 * holds exactly these files without downloading them.
 */
export function gitBlobSha(content: Buffer): string {
  return createHash('sha1')
    .update(`blob ${content.length}\0`)
    .update(content)
    .digest('hex');
}
