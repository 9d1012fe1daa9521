import type {
  InventoryInstance,
  InventoryResource,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import {
  moduleOfAddress,
  readIndexKey,
  resourceAddress,
  ResourceId,
} from './address';
import { buildInstance, providerRegionOf } from './instance';
import { normaliseSource, parseProviderConfig } from './provider';
import { dropSensitiveValues } from './sensitivePaths';
import { expectMode, expectName, expectRecord, isRecord } from './shape';

interface Pending extends ResourceId {
  provider: string;
  instance: InventoryInstance;
  /** The module object the entry was listed in; its `address` may only be known later. */
  enclosing: unknown;
}

function moduleOf(entry: Pending): string | undefined {
  if (entry.module) return entry.module;
  const address = isRecord(entry.enclosing)
    ? entry.enclosing.address
    : undefined;
  return typeof address === 'string' && address ? address : undefined;
}

/**
 * Collects the instance entries of `terraform show -json` (and of a plan's `prior_state`),
 * which lists every instance separately, into resources with their instances, in order of
 * first appearance.
 *
 * @internal
 */
export class ShowJsonResources {
  private readonly pending: Pending[] = [];

  constructor(
    private readonly providerRegions: Record<string, string> | undefined,
  ) {}

  /** Adds one element of a module's `resources` array; `enclosing` is that module. */
  add(raw: unknown, enclosing: unknown): void {
    const entry = expectRecord(raw, 'a resource');
    // A deposed object (create_before_destroy) shares the address of the current one.
    if (typeof entry.deposed_key === 'string' && entry.deposed_key) return;
    const mode = expectMode(entry.mode);
    const type = expectName(entry.type, 'a resource type');
    const name = expectName(entry.name, 'a resource name');
    const indexKey = readIndexKey(entry.index);
    // The module comes from the instance's own address when that has one; Terraform 0.12
    // left it out in child modules, and then the enclosing module's `address` says it.
    const module =
      typeof entry.address === 'string'
        ? moduleOfAddress(entry.address, { mode, type, name }, indexKey)
        : undefined;
    // `provider_name` is a source address (`registry.terraform.io/hashicorp/aws`, or just
    // `aws` before 0.13); show -json does not say which aliased configuration was used.
    const provider =
      typeof entry.provider_name === 'string' && entry.provider_name
        ? normaliseSource(entry.provider_name)
        : parseProviderConfig('', type).source;
    const values = isRecord(entry.values) ? entry.values : {};
    const instance = buildInstance({
      resourceAddress: resourceAddress({ mode, type, name }),
      type,
      indexKey,
      attributes: dropSensitiveValues(values, entry.sensitive_values),
      providerRegion: providerRegionOf(
        { source: provider },
        this.providerRegions,
      ),
    });
    this.pending.push({
      module,
      mode,
      type,
      name,
      provider,
      instance,
      enclosing,
    });
  }

  /** The resources, once the whole document (and so every module's address) is known. */
  resources(): InventoryResource[] {
    const byAddress = new Map<string, InventoryResource>();
    for (const entry of this.pending) {
      const module = moduleOf(entry);
      const address = resourceAddress({ ...entry, module });
      let resource = byAddress.get(address);
      if (!resource) {
        const { mode, type, name, provider } = entry;
        resource = { address, mode, type, name, provider, instances: [] };
        if (module) resource.module = module;
        byAddress.set(address, resource);
      }
      if (module)
        entry.instance.address = `${module}.${entry.instance.address}`;
      resource.instances.push(entry.instance);
    }
    return [...byAddress.values()];
  }
}
