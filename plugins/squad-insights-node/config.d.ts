/**
 * A duration: a string such as `'30s'`, `'2m'` or ISO 8601 `'PT30S'`, or an object such as
 * `{ seconds: 30 }`.
 */
type SourceTimeout =
  | string
  | {
      milliseconds?: number;
      seconds?: number;
      minutes?: number;
      hours?: number;
    };

/**
 * Which catalog entities may bind which keys (a state source) or service names (Consul). Catalog
 * files are written by anyone, so without these rules any entity could be judged on, and read,
 * another team's state. `'any'` allows every entity every key (a portal of one team); otherwise a
 * key is allowed only when a template or the entity's map entry matches it (default deny), and
 * a source without `bindings` allows nothing. A refused binding is not read: the service page
 * says which annotation was refused, why, and what to change here.
 */
type Bindings =
  | 'any'
  | {
      /**
       * Key templates over the binding entity, e.g. `squads/{owner}/{name}/**`,
       * `{namespace}/{name}.tfstate`, or `{name}` for Consul. Placeholders: `{namespace}`,
       * `{kind}` (lower case), `{name}`, `{owner}` (the owning Group's name without kind or
       * namespace; none when a User owns the entity), `{system}` (its name). A placeholder
       * matches exactly its value, ignoring case; a template naming a value the entity lacks
       * matches nothing. `*` matches any characters inside one `/`-separated segment, `**` any
       * number of whole segments. In a catalog with several namespaces, include `{namespace}`:
       * `{name}` alone lets `component:other/x` bind what `component:default/x` binds.
       */
      templates?: string[];
      /**
       * Keys (templates allowed) that one entity may bind besides the templates, by full
       * entity ref: `'component:default/legacy-billing': ['billing/legacy.tfstate']`.
       */
      entities?: { [entityRef: string]: string[] };
    };

export interface Config {
  squadInsights?: {
    /**
     * Consul's runtime view of the services. Leave out to run without Consul.
     */
    consul?: {
      /** `host:port` or a URL, e.g. `http://127.0.0.1:8500`. */
      address: string;
      /** `http` or `https` when the address has no scheme. */
      scheme?: 'http' | 'https';
      /**
       * ACL token with read access to the catalog, health and intentions.
       * @visibility secret
       */
      token?: string;
      /** Datacenter to query; the agent's own when absent. */
      datacenter?: string;
      tls?: {
        /** PEM CA bundle to trust. */
        ca?: string;
        /** PEM client certificate. */
        cert?: string;
        /**
         * PEM client key.
         * @visibility secret
         */
        key?: string;
        rejectUnauthorized?: boolean;
      };
      /** Longest wait for an answer (blocking queries add their own wait). */
      timeout?: SourceTimeout;
      /** Allow stale reads from any server (cheaper, slightly older). */
      stale?: boolean;
      /** The intention default when Consul does not say (ACL default policy). */
      intentionsDefaultAllow?: boolean;
      /**
       * Which entities may bind which Consul services (`squad-insights.io/consul-service`, or
       * the entity name when absent), e.g. `{ templates: ['{name}'] }`. Absent: none may.
       */
      bindings?: Bindings;
      /**
       * Accept a binding only when the service's `Service.Meta` owner (the key of the
       * compliance policy's `metaNames.team`, default `team`) names the entity's owning group,
       * as people write it (`Payments Squad` is `payments-squad`). Default true; a service that
       * is not registered is judged by its name alone.
       */
      requireMatchingOwner?: boolean;
    };
    terraform?: {
      /**
       * Where Terraform states are read from. Catalog entities select a state with the
       * `squad-insights.io/terraform-state` annotation, `<source id>:<key>`; a reference can
       * only name one of these sources, never a URL or a path of its own.
       */
      sources?: Array<
        | {
            /** Id used in catalog references: letters, digits, - and _. */
            id: string;
            /** A directory on the portal's disk. */
            type: 'local';
            /** Which entities may bind which keys of this source; absent: none may. */
            bindings?: Bindings;
            /**
             * Most bytes read from this source for one state, as sent (before decompression);
             * a larger state is refused with an error naming the cap. Default 2147483648
             * (2 GiB): states are streamed, so the cap bounds time and disk, not memory.
             */
            maxBodyBytes?: number;
            /**
             * Most bytes of one state once decompressed (Consul KV states written with
             * `gzip = true`; other sources take bodies as sent). Default 2147483648 (2 GiB), so
             * a gzip bomb is cut off before it is parsed.
             */
            maxDecompressedBytes?: number;
            /**
             * Absolute deadline of one read, from the first request until the state is parsed
             * and stored, unlike `timeout`, which only catches a silent server. Default 5m:
             * room for a 1 GB state, below the ingestion pass's 10-minute timeout.
             */
            deadline?: SourceTimeout;
            /** The directory; keys are relative paths under it, symlinks may not leave it. */
            root: string;
          }
        | {
            /** Id used in catalog references: letters, digits, - and _. */
            id: string;
            /** A server speaking Terraform's `http` backend protocol (e.g. GitLab). */
            type: 'http';
            /** Which entities may bind which keys of this source; absent: none may. */
            bindings?: Bindings;
            /**
             * Most bytes read from this source for one state, as sent (before decompression);
             * a larger state is refused with an error naming the cap. Default 2147483648
             * (2 GiB): states are streamed, so the cap bounds time and disk, not memory.
             */
            maxBodyBytes?: number;
            /**
             * Most bytes of one state once decompressed (Consul KV states written with
             * `gzip = true`; other sources take bodies as sent). Default 2147483648 (2 GiB), so
             * a gzip bomb is cut off before it is parsed.
             */
            maxDecompressedBytes?: number;
            /**
             * Absolute deadline of one read, from the first request until the state is parsed
             * and stored, unlike `timeout`, which only catches a silent server. Default 5m:
             * room for a 1 GB state, below the ingestion pass's 10-minute timeout.
             */
            deadline?: SourceTimeout;
            /** States are fetched from `<baseUrl>/<key>`. */
            baseUrl: string;
            /** Basic auth user name (as Terraform's `http` backend `username`). */
            username?: string;
            /**
             * Basic auth password.
             * @visibility secret
             */
            password?: string;
            /**
             * Bearer token, used when no username is set.
             * @visibility secret
             */
            token?: string;
            /** PEM CA bundle to trust, e.g. `$file: /etc/ssl/private-ca.pem`. */
            ca?: string;
            /** Longest wait without any data from the server; default 30s. */
            timeout?: SourceTimeout;
          }
        | {
            /** Id used in catalog references: letters, digits, - and _. */
            id: string;
            /** An S3 bucket (Terraform's `s3` backend) or an S3-compatible server. */
            type: 's3';
            /** Which entities may bind which keys of this source; absent: none may. */
            bindings?: Bindings;
            /**
             * Most bytes read from this source for one state, as sent (before decompression);
             * a larger state is refused with an error naming the cap. Default 2147483648
             * (2 GiB): states are streamed, so the cap bounds time and disk, not memory.
             */
            maxBodyBytes?: number;
            /**
             * Most bytes of one state once decompressed (Consul KV states written with
             * `gzip = true`; other sources take bodies as sent). Default 2147483648 (2 GiB), so
             * a gzip bomb is cut off before it is parsed.
             */
            maxDecompressedBytes?: number;
            /**
             * Absolute deadline of one read, from the first request until the state is parsed
             * and stored, unlike `timeout`, which only catches a silent server. Default 5m:
             * room for a 1 GB state, below the ingestion pass's 10-minute timeout.
             */
            deadline?: SourceTimeout;
            /** The bucket name. */
            bucket: string;
            /** Folder in the bucket; the object key is `<prefix>/<key>`. */
            prefix?: string;
            /** The bucket's region, e.g. `eu-west-1`. */
            region: string;
            /** Endpoint of an S3-compatible server (MinIO, Ceph, R2...). */
            endpoint?: string;
            /** Use path-style URLs (`<endpoint>/<bucket>/<key>`); most S3-compatible servers need it. */
            forcePathStyle?: boolean;
            /** AWS account whose credentials (from the `aws` config section) are used; main account when unset. */
            accountId?: string;
            /** Longest wait without any data from S3; SDK default when unset. */
            timeout?: SourceTimeout;
          }
        | {
            /** Id used in catalog references: letters, digits, - and _. */
            id: string;
            /** HCP Terraform or Terraform Enterprise; keys are workspace names. */
            type: 'hcp';
            /** Which entities may bind which keys of this source; absent: none may. */
            bindings?: Bindings;
            /**
             * Most bytes read from this source for one state, as sent (before decompression);
             * a larger state is refused with an error naming the cap. Default 2147483648
             * (2 GiB): states are streamed, so the cap bounds time and disk, not memory.
             */
            maxBodyBytes?: number;
            /**
             * Most bytes of one state once decompressed (Consul KV states written with
             * `gzip = true`; other sources take bodies as sent). Default 2147483648 (2 GiB), so
             * a gzip bomb is cut off before it is parsed.
             */
            maxDecompressedBytes?: number;
            /**
             * Absolute deadline of one read, from the first request until the state is parsed
             * and stored, unlike `timeout`, which only catches a silent server. Default 5m:
             * room for a 1 GB state, below the ingestion pass's 10-minute timeout.
             */
            deadline?: SourceTimeout;
            /** API host; default `https://app.terraform.io`. */
            baseUrl?: string;
            /** The organization whose workspaces are read. */
            organization: string;
            /**
             * Team or user API token allowed to read state versions.
             * @visibility secret
             */
            token: string;
            /** PEM CA bundle to trust for a Terraform Enterprise on a private CA. */
            ca?: string;
            /** Longest wait without any data from the server; default 30s. */
            timeout?: SourceTimeout;
          }
        | {
            /** Id used in catalog references: letters, digits, - and _. */
            id: string;
            /**
             * Consul KV as written by Terraform's `consul` backend; keys are the backend
             * `path`, `<path>@<workspace>` for a non-default workspace.
             */
            type: 'consul';
            /** Which entities may bind which keys of this source; absent: none may. */
            bindings?: Bindings;
            /**
             * Most bytes read from this source for one state, as sent (before decompression);
             * a larger state is refused with an error naming the cap. Default 2147483648
             * (2 GiB): states are streamed, so the cap bounds time and disk, not memory.
             */
            maxBodyBytes?: number;
            /**
             * Most bytes of one state once decompressed (Consul KV states written with
             * `gzip = true`; other sources take bodies as sent). Default 2147483648 (2 GiB), so
             * a gzip bomb is cut off before it is parsed.
             */
            maxDecompressedBytes?: number;
            /**
             * Absolute deadline of one read, from the first request until the state is parsed
             * and stored, unlike `timeout`, which only catches a silent server. Default 5m:
             * room for a 1 GB state, below the ingestion pass's 10-minute timeout.
             */
            deadline?: SourceTimeout;
            /** `host:port` of the Consul HTTP API (or a full URL). */
            address: string;
            /** `http` (default) or `https`, when `address` has no scheme. */
            scheme?: 'http' | 'https';
            /**
             * ACL token, sent as `X-Consul-Token`.
             * @visibility secret
             */
            token?: string;
            /** Datacenter to read from; the agent's own when unset. */
            datacenter?: string;
            /** PEM CA bundle to trust, e.g. `$file: /etc/consul/ca.pem`. */
            ca?: string;
            /** Longest wait without any data from Consul; default 30s. */
            timeout?: SourceTimeout;
          }
        | {
            /** Id used in catalog references: letters, digits, - and _. */
            id: string;
            /**
             * A type a backend module added through `squadInsightsStateSourcesExtensionPoint`;
             * its other fields are the module's (see its documentation).
             */
            type: string;
            /** Which entities may bind which keys of this source; absent: none may. */
            bindings?: Bindings;
            /** Most bytes read for one state, as sent. Default 2147483648 (2 GiB). */
            maxBodyBytes?: number;
            /** Most bytes of one state once decompressed. Default 2147483648 (2 GiB). */
            maxDecompressedBytes?: number;
            /** Absolute deadline of one read. Default 5m. */
            deadline?: SourceTimeout;
            [field: string]: unknown;
          }
      >;
    };
  };
}
