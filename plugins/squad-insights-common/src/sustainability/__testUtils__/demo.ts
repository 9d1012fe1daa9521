/**
 * Test helper: the demo Terraform states as inventories (demo/terraform/README.md), read
 * from disk. Only tests import this; the library itself never does IO.
 */
import { readFileSync } from 'fs';
import { resolve } from 'path';
import type { StateInventory } from '../../inventory';
import { inventoryFromV4 } from './tfstate';

/** Service → [squad, tribe], from the demo README. */
export const DEMO_SERVICES: Record<string, [string, string]> = {
  'music-discovery': ['discovery-squad', 'music-experience-tribe'],
  'recommendation-engine': ['discovery-squad', 'music-experience-tribe'],
  'playlist-management': ['playlist-squad', 'music-experience-tribe'],
  'playlist-collaboration': ['playlist-squad', 'music-experience-tribe'],
  'payment-processing': ['payments-squad', 'commerce-tribe'],
  'subscription-billing': ['subscriptions-squad', 'commerce-tribe'],
  'user-identity': ['identity-squad', 'platform-services-tribe'],
  'platform-gateway': ['platform-infra-squad', 'platform-services-tribe'],
  'rights-ledger': ['rights-squad', 'content-tribe'],
  'podcast-ingest': ['podcast-squad', 'content-tribe'],
};

/** The demo state of one service, as the -node parser would hand it over. */
export function demoInventory(service: string): StateInventory {
  const file = resolve(
    __dirname,
    '../../../../../demo/terraform',
    service,
    'terraform.tfstate',
  );
  return inventoryFromV4(JSON.parse(readFileSync(file, 'utf8')));
}
