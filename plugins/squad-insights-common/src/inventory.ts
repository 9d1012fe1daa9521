import type { WireSchemas } from './api';

/**
 * The normalised inventory of one Terraform state, as the reader in
 * `@squad-insights/backstage-plugin-squad-insights-node` produces it. Secrets are already
 * gone: no attribute that Terraform marked sensitive, no sensitive output value and no
 * secret-bearing attribute or value ever appears here. Defined by the backend's OpenAPI spec,
 * which answers it in `/facts`.
 *
 * @public
 */
export type StateInventory = WireSchemas['StateInventory'];

/** @public */
export type InventoryResource = WireSchemas['InventoryResource'];

/** @public */
export type InventoryInstance = WireSchemas['InventoryInstance'];
