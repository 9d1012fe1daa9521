/**
 * Health of one instance or a whole service, as Consul names check states. An instance takes
 * the worst state of its checks (node checks such as `serfHealth` included, as Consul's own
 * `?passing` filter does); an instance without checks is passing, as in Consul.
 *
 * @public
 */
export type ConsulHealthStatus = 'passing' | 'warning' | 'critical';

/**
 * One health check of an instance, with name and output trimmed (outputs can be whole HTTP
 * bodies and would bloat every page that shows the view).
 *
 * @public
 */
export interface ConsulCheckSummary {
  checkId: string;
  name: string;
  status: ConsulHealthStatus;
  output: string;
}

/**
 * One registered instance of a service (one entry of `GET /v1/health/service/:name`).
 *
 * @public
 */
export interface ConsulServiceInstance {
  node: string;
  /** `Service.Address`, or the node's address when the service registered none. */
  address: string;
  port: number;
  serviceId: string;
  tags: string[];
  meta: Record<string, string>;
  health: ConsulHealthStatus;
  checks: ConsulCheckSummary[];
}

/**
 * The ownership and compliance facts a service carries in `Service.Meta`, merged over its
 * instances. Keys are read as `team`, `tribe`, `compliance` (comma separated),
 * `data-classification` (or `data_classification`) and `version`.
 *
 * @public
 */
export interface ConsulServiceMeta {
  team?: string;
  tribe?: string;
  compliance?: string[];
  dataClassification?: string;
  /** The version when all instances agree; see `versions` during a rollout. */
  version?: string;
  /** Distinct versions running, sorted. */
  versions: string[];
  /** Every `Service.Meta` key seen; on conflicting values the first instance wins. */
  raw: Record<string, string>;
}

/**
 * One source allowed or denied to reach the service, in Consul's evaluation order (the first
 * entry for a source name is the one that applies). `*` is the wildcard source.
 *
 * @public
 */
export interface ConsulIntentionSource {
  name: string;
  /** L7 intentions (with `Permissions`, no `Action`) count as `deny`, as Consul's check does. */
  action: 'allow' | 'deny';
}

/**
 * Service-to-service authorisation of the service as destination.
 *
 * @public
 */
export interface ConsulIntentions {
  /**
   * Whether a source without a matching intention may connect: configured
   * (`intentionsDefaultAllow`) or read from `GET /v1/connect/intentions/check?source=*`.
   * Undefined when neither is available.
   */
  defaultAllow?: boolean;
  sources: ConsulIntentionSource[];
  /** Why intentions could not be read (e.g. the token lacks `intentions:read`). */
  unavailable?: string;
}

/**
 * What Consul knows at runtime about one service: instances and their health, ownership
 * metadata, mesh (Connect) participation and intentions.
 *
 * @public
 */
export interface ConsulServiceView {
  name: string;
  datacenter: string;
  instances: ConsulServiceInstance[];
  /** Worst health over the instances. */
  health: ConsulHealthStatus;
  /** Instances per health state. */
  healthCounts: Record<ConsulHealthStatus, number>;
  /** Union of the instances' tags, sorted. */
  tags: string[];
  meta: ConsulServiceMeta;
  connect: {
    /** A `connect-proxy` (e.g. `<name>-sidecar-proxy`) fronts the service. */
    sidecar: boolean;
    /** The service speaks Connect itself (`Connect.Native`). */
    native: boolean;
  };
  intentions: ConsulIntentions;
  /** `X-Consul-Index` of the health read the view was built from. */
  index: number;
  /** ISO time the view was read. */
  readAt: string;
}

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
