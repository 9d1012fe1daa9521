// The parts of Consul's HTTP API responses this library reads, with Consul's own field names
// and casing. Only fields we use are typed; Consul sends many more, and older/newer versions
// leave some out, so everything not structural is optional.

/** `GET /v1/catalog/services`: service name to the union of its tags. @public */
export type ConsulCatalogServices = Record<string, string[]>;

/** One check of a `GET /v1/health/service/:name` entry. @public */
export interface ConsulApiCheck {
  Node?: string;
  CheckID: string;
  Name: string;
  Status: string;
  Output?: string;
  ServiceID?: string;
  ServiceName?: string;
}

/** One entry of `GET /v1/health/service/:name` (a Node/Service/Checks triple). @public */
export interface ConsulHealthServiceEntry {
  Node: { Node: string; Address: string; Datacenter?: string };
  Service: {
    ID: string;
    Service: string;
    Kind?: string;
    Tags?: string[] | null;
    Address?: string;
    Meta?: Record<string, string> | null;
    Port: number;
    Connect?: { Native?: boolean } | null;
    Proxy?: { DestinationServiceName?: string } | null;
  };
  Checks?: ConsulApiCheck[] | null;
}

/** One entry of `GET /v1/catalog/connect/:name` (catalog-service shape). @public */
export interface ConsulCatalogServiceEntry {
  Node: string;
  Datacenter?: string;
  ServiceKind?: string;
  ServiceID: string;
  ServiceName: string;
  ServiceProxy?: { DestinationServiceName?: string } | null;
  ServiceConnect?: { Native?: boolean } | null;
}

/**
 * One entry of `GET /v1/agent/services` (a map of service ID to this). Pre-1.3 agents name the
 * proxied service in `ProxyDestination`, later ones in `Proxy.DestinationServiceName`.
 *
 * @public
 */
export interface ConsulAgentService {
  Kind?: string;
  ID: string;
  Service: string;
  ProxyDestination?: string;
  Proxy?: { DestinationServiceName?: string } | null;
  Connect?: { Native?: boolean } | null;
}

/** One intention of `GET /v1/connect/intentions/match`. @public */
export interface ConsulApiIntention {
  SourceName: string;
  SourceNS?: string;
  DestinationName: string;
  Action?: string;
  Permissions?: unknown[] | null;
  Precedence?: number;
}

/** `GET /v1/connect/intentions/match`: the matched name to intentions in evaluation order. @public */
export type ConsulIntentionMatch = Record<string, ConsulApiIntention[]>;

/** `GET /v1/connect/intentions/check`. @public */
export interface ConsulIntentionCheck {
  Allowed: boolean;
}
