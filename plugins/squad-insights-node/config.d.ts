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
            /** The directory; keys are relative paths under it, symlinks may not leave it. */
            root: string;
          }
        | {
            /** Id used in catalog references: letters, digits, - and _. */
            id: string;
            /** A server speaking Terraform's `http` backend protocol (e.g. GitLab). */
            type: 'http';
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
      >;
    };
  };
}
