/**
 * The normalised inventory of one Terraform state, as the reader in
 * `@squad-insights/backstage-plugin-squad-insights-node` produces it. Secrets are already
 * gone: no attribute that Terraform marked sensitive, no sensitive output value and no
 * well-known secret-bearing attribute ever appears here.
 *
 * @public
 */
export interface StateInventory {
  /**
   * `ok`: a state with zero or more resources; `no-state`: the location holds no state at
   * all (e.g. an empty file); `no-resources`: a backend-config state
   * (`.terraform/terraform.tfstate`), which describes a backend, not infrastructure.
   */
  status: 'ok' | 'no-state' | 'no-resources';
  /** Where the data came from: raw state format 1–4 or `terraform show -json`. */
  format: 'v1' | 'v2' | 'v3' | 'v4' | 'show-json' | 'backend-config' | 'empty';
  terraformVersion?: string;
  serial?: number;
  lineage?: string;
  resources: InventoryResource[];
  /** Output names; `value` only for outputs that are not sensitive. */
  outputs: Record<string, { sensitive: boolean; value?: unknown }>;
}

/** @public */
export interface InventoryResource {
  /** Full address without instance key, e.g. `module.db.aws_db_instance.main`. */
  address: string;
  /** Module path, e.g. `module.db` or `module.a.module.b`; absent for the root module. */
  module?: string;
  mode: 'managed' | 'data';
  type: string;
  name: string;
  /** Provider source address, e.g. `registry.terraform.io/hashicorp/aws`. */
  provider: string;
  instances: InventoryInstance[];
}

/** @public */
export interface InventoryInstance {
  /** `count` index or `for_each` key; absent for a single instance. */
  indexKey?: string | number;
  /** Address including the instance key, e.g. `aws_s3_bucket.logs["eu"]`. */
  address: string;
  /** AWS/GCP/Azure region, from the provider configuration, ARNs or availability zones. */
  region?: string;
  tags: Record<string, string>;
  /** The instance's attributes with every secret removed. */
  attributes: Record<string, unknown>;
}
