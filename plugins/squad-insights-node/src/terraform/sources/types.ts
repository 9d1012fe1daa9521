import type { Readable } from 'node:stream';

/**
 * A place Terraform states are read from, configured by the portal operator under
 * `squadInsights.terraform.sources`. Keys come from validated catalog references
 * (see `parseStateReference`), never straight from a catalog file.
 *
 * @public
 */
export interface StateSource {
  readonly id: string;
  /**
   * The config `type` it was built from: a built-in (`local`, `http`, `s3`, `hcp`, `consul`)
   * or one a backend module registered.
   */
  readonly type: string;
  /**
   * A cheap change marker for the state at `key` (mtime+size, ETag, state version id,
   * ModifyIndex), or `undefined` when there is no state there. Costs one small call.
   */
  marker(key: string): Promise<string | undefined>;
  /** The state's bytes, streamed, with the marker they belong to; `undefined` when absent. */
  read(key: string): Promise<{ marker: string; body: Readable } | undefined>;
}
