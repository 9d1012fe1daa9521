import { Config } from '@backstage/config';
import type { Readable } from 'node:stream';
import { httpRequest, readBody } from './httpRequest';
import {
  capError,
  DEFAULT_STATE_SOURCE_LIMITS,
  deadlineError,
  readStateSourceLimits,
  StateSourceLimits,
} from './sourceLimits';
import { DEFAULT_TIMEOUT_MS, readTimeoutMs } from './sourceUtils';
import { StateSourceError } from './StateSourceError';
import { StateSource } from './types';

/** @public */
export interface HcpStateSourceOptions {
  id: string;
  /** Defaults to `https://app.terraform.io`; a Terraform Enterprise host otherwise. */
  baseUrl?: string;
  organization: string;
  /** A team or user API token that may read state versions. */
  token: string;
  /** PEM CA bundle for a Terraform Enterprise on a private CA. */
  ca?: string;
  timeoutMs?: number;
  /** Body cap of the state download, deadline; defaults apply per key. */
  limits?: Partial<StateSourceLimits>;
}

/** API answers are small JSON documents; anything larger is not HCP's. */
const MAX_API_ANSWER_BYTES = 4 * 1024 * 1024;

/** The part of a JSON:API document this source looks at. */
interface JsonApiDocument {
  data?: { id?: unknown; attributes?: Record<string, unknown> };
}

interface CurrentStateVersion {
  id: string;
  serial: number;
  downloadUrl: string;
}

/**
 * Reads the current state of HCP Terraform / Terraform Enterprise workspaces through the
 * API v2. The key is the workspace name in the configured organization. The marker is
 * `<state-version-id>:<serial>`, which changes with every state Terraform uploads.
 *
 * HCP answers 404 both for "no such workspace / no access" and for "workspace has no state
 * yet" (it hides existence from tokens that lack access), so both read as "no state".
 *
 * @public
 */
export class HcpStateSource implements StateSource {
  readonly type = 'hcp' as const;

  static fromConfig(config: Config): HcpStateSource {
    return HcpStateSource.create({
      id: config.getString('id'),
      baseUrl: config.getOptionalString('baseUrl'),
      organization: config.getString('organization'),
      token: config.getString('token'),
      ca: config.getOptionalString('ca'),
      timeoutMs: readTimeoutMs(config),
      limits: readStateSourceLimits(config),
    });
  }

  static create(options: HcpStateSourceOptions): HcpStateSource {
    return new HcpStateSource(options);
  }

  readonly id: string;
  private readonly origin: string;
  /** A Terraform Enterprise behind a path prefix keeps it: `<origin><apiRoot>/api/v2/...`. */
  private readonly apiRoot: string;
  private readonly limits: StateSourceLimits;

  private constructor(private readonly options: HcpStateSourceOptions) {
    this.id = options.id;
    this.limits = { ...DEFAULT_STATE_SOURCE_LIMITS, ...options.limits };
    const base = new URL(options.baseUrl ?? 'https://app.terraform.io');
    this.origin = base.origin;
    this.apiRoot = base.pathname.replace(/\/+$/, '');
  }

  async marker(key: string): Promise<string | undefined> {
    const version = await this.currentStateVersion(
      key,
      Date.now() + this.limits.deadlineMs,
    );
    return version && `${version.id}:${version.serial}`;
  }

  async read(
    key: string,
  ): Promise<{ marker: string; body: Readable } | undefined> {
    const deadlineAt = Date.now() + this.limits.deadlineMs;
    const version = await this.currentStateVersion(key, deadlineAt);
    if (!version) return undefined;
    const url = new URL(version.downloadUrl, this.origin);
    // HCP's blob store (archivist) URLs carry their own short-lived secret and need no
    // token ("Blob Storage Authentication" in the API docs), so the token only goes to the
    // configured host (Terraform Enterprise serves archivist there); redirects are followed
    // and drop it when they leave that origin. The URL itself is a secret: never logged.
    const sameOrigin = url.origin === this.origin;
    const res = await this.call(key, url.toString(), sameOrigin, 5, deadlineAt);
    if (res.status !== 200) {
      res.body.resume();
      throw this.error(key, 'could not be downloaded', res.status);
    }
    return { marker: `${version.id}:${version.serial}`, body: res.body };
  }

  private async currentStateVersion(
    key: string,
    deadlineAt: number,
  ): Promise<CurrentStateVersion | undefined> {
    const org = encodeURIComponent(this.options.organization);
    const workspace = await this.json(
      key,
      `/api/v2/organizations/${org}/workspaces/${encodeURIComponent(key)}`,
      deadlineAt,
    );
    if (workspace === undefined) return undefined;
    const workspaceId = workspace.data?.id;
    if (typeof workspaceId !== 'string') {
      throw this.error(key, 'got an unexpected workspace answer');
    }

    const current = await this.json(
      key,
      `/api/v2/workspaces/${encodeURIComponent(
        workspaceId,
      )}/current-state-version`,
      deadlineAt,
    );
    if (current === undefined) return undefined;
    const id = current.data?.id;
    const serial = current.data?.attributes?.serial;
    const downloadUrl = current.data?.attributes?.['hosted-state-download-url'];
    if (
      typeof id !== 'string' ||
      typeof serial !== 'number' ||
      typeof downloadUrl !== 'string'
    ) {
      throw this.error(key, 'got an unexpected current-state-version answer');
    }
    return { id, serial, downloadUrl };
  }

  /** GETs a JSON:API document; `undefined` on 404. */
  private async json(
    key: string,
    path: string,
    deadlineAt: number,
  ): Promise<JsonApiDocument | undefined> {
    const res = await this.call(
      key,
      `${this.origin}${this.apiRoot}${path}`,
      true,
      0,
      deadlineAt,
    );
    const bytes = await readBody(res.body, MAX_API_ANSWER_BYTES, () =>
      capError(this.id, key, 'body', MAX_API_ANSWER_BYTES),
    ).catch(cause => {
      if (cause instanceof StateSourceError) throw cause;
      throw new StateSourceError({
        sourceId: this.id,
        key,
        reason: 'could not be read',
        cause,
      });
    });
    if (res.status === 404) return undefined;
    if (res.status !== 200)
      throw this.error(key, 'could not be read', res.status);
    try {
      return JSON.parse(bytes.toString('utf8'));
    } catch {
      throw this.error(key, 'got an answer that is not JSON');
    }
  }

  private async call(
    key: string,
    url: string,
    withToken: boolean,
    maxRedirects: number,
    deadlineAt: number,
  ) {
    try {
      return await httpRequest(url, {
        headers: {
          accept: 'application/vnd.api+json',
          'content-type': 'application/vnd.api+json',
          ...(withToken
            ? { authorization: `Bearer ${this.options.token}` }
            : {}),
        },
        ca: this.options.ca,
        timeoutMs: this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        maxRedirects,
        deadlineAt,
        deadlineError: () =>
          deadlineError(this.id, key, this.limits.deadlineMs),
      });
    } catch (cause) {
      if (cause instanceof StateSourceError) throw cause;
      throw new StateSourceError({
        sourceId: this.id,
        key,
        reason: 'could not be read',
        cause,
        secrets: [this.options.token],
      });
    }
  }

  private error(key: string, reason: string, status?: number) {
    return new StateSourceError({
      sourceId: this.id,
      key,
      reason,
      status,
      secrets: [this.options.token],
    });
  }
}
