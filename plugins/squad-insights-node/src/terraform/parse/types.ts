import type { InventoryResource } from '@squad-insights/backstage-plugin-squad-insights-common';

/**
 * Where a state came from, and what the caller knows about it.
 *
 * @public
 */
export interface StateParseContext {
  /** The configured source the state was read from; named in every error message. */
  sourceId: string;
  /** The state's key inside the source; named in every error message. */
  key: string;
  /**
   * Regions of provider configurations, used when an instance has no `region` attribute of its
   * own. Keys are the provider's short name or full source address, with `.<alias>` for an
   * aliased configuration: `aws`, `aws.west`, `registry.terraform.io/hashicorp/aws.west`.
   */
  providerRegions?: Record<string, string>;
}

/**
 * Tuning for {@link parseState}.
 *
 * @public
 */
export interface ParseStateOptions {
  /**
   * Inputs up to this many bytes are read whole and parsed with `JSON.parse` (fast); larger
   * ones, or a stream that grows past it, are parsed incrementally, one resource at a time.
   * Default 256 MiB, well under V8's largest string (~512 MiB).
   */
  streamingThresholdBytes?: number;
  /**
   * The input's size when the caller knows it (a file's size, a Content-Length). A Readable
   * known to be larger than the threshold is then streamed from its first byte instead of
   * after buffering `streamingThresholdBytes` of it.
   */
  sizeBytes?: number;
  /**
   * Receives each resource as soon as it is complete, instead of collecting it in the
   * returned inventory's `resources` (which is then empty). With the streaming path this keeps
   * memory bounded even for multi-gigabyte format-4 states; formats 1–3 and `show -json` group
   * instances by resource and hand them over at the end.
   */
  onResource?: (resource: InventoryResource) => void;
}

/** The default for {@link ParseStateOptions.streamingThresholdBytes}. */
export const DEFAULT_STREAMING_THRESHOLD = 256 * 1024 * 1024;

/**
 * The streaming threshold of bounded-memory reads (`TerraformStateReader.readEach`, the CLI's
 * `--ndjson`): the fast path holds the whole document as objects, about five times its size,
 * so only states up to 16 MiB take it; larger ones are streamed.
 *
 * @internal
 */
export const BOUNDED_STREAMING_THRESHOLD = 16 * 1024 * 1024;
