import type { WireSchemas } from '@squad-insights/backstage-plugin-squad-insights-common';

// What Consul knows about a service is answered by the backend's `/facts`, so its shape is
// defined by the backend's OpenAPI spec, where each field is described; these are its names.

/** Health of one instance or a whole service, as Consul names check states. @public */
export type ConsulHealthStatus = WireSchemas['ConsulHealthStatus'];

/** One health check of an instance, with name and output trimmed. @public */
export type ConsulCheckSummary = WireSchemas['ConsulCheckSummary'];

/** One registered instance of a service (one entry of `GET /v1/health/service/:name`). @public */
export type ConsulServiceInstance = WireSchemas['ConsulServiceInstance'];

/**
 * The ownership and compliance facts a service carries in `Service.Meta`, merged over its
 * instances.
 *
 * @public
 */
export type ConsulServiceMeta = WireSchemas['ConsulServiceMeta'];

/** One source allowed or denied to reach the service, in Consul's evaluation order. @public */
export type ConsulIntentionSource = WireSchemas['ConsulIntentionSource'];

/** Service-to-service authorisation of the service as destination. @public */
export type ConsulIntentions = WireSchemas['ConsulIntentions'];

/**
 * What Consul knows at runtime about one service: instances and their health, ownership
 * metadata, mesh (Connect) participation and intentions.
 *
 * @public
 */
export type ConsulServiceView = WireSchemas['ConsulServiceView'];

/**
 * How to reach Consul. `address` may be `host`, `host:port` or a URL (`https://consul:8501`);
 * `scheme`, `host` and `port` fill in what it leaves out (defaults `http`, `127.0.0.1`, 8500).
 *
 * @public
 */
export interface ConsulClientOptions {
  address?: string;
  scheme?: 'http' | 'https';
  host?: string;
  port?: number;
  /** ACL token, sent as `X-Consul-Token`. */
  token?: string;
  datacenter?: string;
  tls?: {
    ca?: string;
    cert?: string;
    key?: string;
    rejectUnauthorized?: boolean;
  };
  /** Deadline of a non-blocking request; blocking ones get `wait + wait/16` on top. Default 10 s. */
  timeoutMs?: number;
  /** Let any server (not only the leader) answer: Consul's advice for many watchers. */
  stale?: boolean;
  /** Known default intention policy; when unset it is asked of Consul per service. */
  intentionsDefaultAllow?: boolean;
}

/**
 * Options of one read: with `index` it is a blocking query that Consul holds until the data
 * changes past `index` or `waitMs` passes.
 *
 * @public
 */
export interface ConsulReadOptions {
  index?: number;
  waitMs?: number;
  signal?: AbortSignal;
}

/**
 * A response and the `X-Consul-Index` it was read at (undefined when Consul sent none).
 *
 * @public
 */
export interface ConsulRead<T> {
  body: T;
  index?: number;
}
