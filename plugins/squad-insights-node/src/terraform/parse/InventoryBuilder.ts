import type {
  InventoryResource,
  StateInventory,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import { classifyDocument } from './classify';
import { groupLegacy, LegacyEntry, readLegacyEntry } from './formatLegacy';
import { ShowJsonResources } from './formatShowJson';
import { readV4Resource } from './formatV4';
import { readOutputs } from './outputs';
import { isRecord } from './shape';
import { StateShapeError } from './StateParseError';
import type { ParseStateOptions, StateParseContext } from './types';

type Collection = 'v4' | 'legacy' | 'show' | 'prior';

/**
 * Turns a document into an inventory from two kinds of input: the elements of its resource
 * collections, handed over one at a time (`resources[]` of format 4, each module's
 * `resources{}` of formats 1–3, the `resources[]` of every `show -json` module), and, at the
 * end, the rest of the document (the "skeleton": version, outputs, module paths). The fast and
 * the streaming path feed it the same way, which is what keeps their results identical.
 *
 * Collections are read before the format is known (a streamed document may name its version
 * last), so a shape error in one is only raised if the format turns out to use it.
 *
 * @internal
 */
export class InventoryBuilder {
  private readonly regions: Record<string, string> | undefined;
  private readonly v4: InventoryResource[] = [];
  private readonly legacy: LegacyEntry[] = [];
  private readonly show: ShowJsonResources;
  private readonly prior: ShowJsonResources;
  private readonly errors = new Map<Collection, StateShapeError>();
  private legacySeen = 0;
  private formatVersion: unknown;

  constructor(
    context: StateParseContext,
    private readonly onResource?: ParseStateOptions['onResource'],
  ) {
    this.regions = context.providerRegions;
    this.show = new ShowJsonResources(this.regions);
    this.prior = new ShowJsonResources(this.regions);
  }

  /** The top-level `version`, when known early: format-4 resources can then be handed on. */
  setFormatVersion(version: unknown): void {
    this.formatVersion = version;
  }

  addV4(raw: unknown): void {
    // What `guard` does, without a closure per resource: format 4 has thousands of them.
    if (this.errors.has('v4')) return;
    let resource: InventoryResource;
    try {
      resource = readV4Resource(raw, this.regions);
    } catch (error) {
      if (!(error instanceof StateShapeError)) throw error;
      this.errors.set('v4', error);
      return;
    }
    if (this.onResource && this.formatVersion === 4) this.onResource(resource);
    else this.v4.push(resource);
  }

  /**
   * A whole `resources[]` list at once (the fast path's). Read from the last resource to the
   * first when nothing is handed on as it goes: `JSON.parse` has just written the list front to
   * back, so its end is still in the CPU caches and its start is not; read front first, every
   * resource brought back would evict one not read yet. The inventory keeps the list's order,
   * and the error raised is the one of the first bad resource, as when read in order.
   */
  addV4List(list: readonly unknown[]): void {
    if (this.onResource || this.errors.has('v4')) {
      for (const raw of list) this.addV4(raw);
      return;
    }
    const read: InventoryResource[] = new Array(list.length);
    let failed: unknown;
    let failedAt = -1;
    for (let i = list.length - 1; i >= 0; i--) {
      try {
        read[i] = readV4Resource(list[i], this.regions);
      } catch (error) {
        failed = error;
        failedAt = i;
      }
    }
    if (failedAt < 0) {
      for (let i = 0; i < read.length; i++) this.v4.push(read[i]);
      return;
    }
    // As in order: what the first bad resource threw, after the resources before it.
    if (!(failed instanceof StateShapeError)) throw failed;
    for (let i = 0; i < failedAt; i++) this.v4.push(read[i]);
    this.errors.set('v4', failed);
  }

  addLegacy(moduleIndex: number, key: string, raw: unknown): void {
    this.legacySeen++;
    this.guard('legacy', () =>
      this.legacy.push(readLegacyEntry(moduleIndex, key, raw, this.regions)),
    );
  }

  addShow(raw: unknown, prior: boolean, module: unknown): void {
    const target = prior ? this.prior : this.show;
    this.guard(prior ? 'prior' : 'show', () => target.add(raw, module));
  }

  finish(skeleton: unknown): StateInventory {
    const doc = classifyDocument(skeleton, this.legacySeen > 0);
    const top = skeleton as Record<string, unknown>;
    if (doc.kind === 'backend-config') {
      return this.inventory(top, 'no-resources', 'backend-config', [], {});
    }
    if (doc.kind === 'show-json') {
      const state = doc.plan ? top.prior_state : top;
      const values = isRecord(state) ? state.values : undefined;
      if (!isRecord(state) || !isRecord(values)) {
        // `terraform show -json` without a state, or a plan made before anything existed.
        return this.inventory(top, 'no-state', 'show-json', [], {});
      }
      this.raise(doc.plan ? 'prior' : 'show');
      const found = (doc.plan ? this.prior : this.show).resources();
      const outputs = readOutputs(values.outputs, false);
      return this.inventory(
        { ...top, ...state },
        'ok',
        'show-json',
        found,
        outputs,
      );
    }
    if (doc.version === 4) {
      this.raise('v4');
      return this.inventory(
        top,
        'ok',
        'v4',
        this.v4,
        readOutputs(top.outputs, false),
      );
    }
    const modules = top.modules ?? [];
    if (!Array.isArray(modules) || !modules.every(isLegacyModule)) {
      throw new StateShapeError('corrupt', 'modules is not a list of modules');
    }
    this.raise('legacy');
    const root = modules.find(m => m.path === undefined || sameRoot(m.path));
    const outputs = readOutputs(root?.outputs, doc.version === 1);
    const found = groupLegacy(this.legacy, modules);
    return this.inventory(top, 'ok', `v${doc.version}`, found, outputs);
  }

  private inventory(
    top: Record<string, unknown>,
    status: StateInventory['status'],
    format: StateInventory['format'],
    resources: InventoryResource[],
    outputs: StateInventory['outputs'],
  ): StateInventory {
    const result: StateInventory = { status, format, resources, outputs };
    if (typeof top.terraform_version === 'string') {
      result.terraformVersion = top.terraform_version;
    }
    if (typeof top.serial === 'number' && Number.isFinite(top.serial)) {
      result.serial = top.serial;
    }
    if (typeof top.lineage === 'string' && top.lineage)
      result.lineage = top.lineage;
    if (this.onResource && resources.length) {
      // Resources that could not be handed on while streaming (other formats group
      // instances first; format 4 when the version came late) are handed on now.
      for (const resource of resources) this.onResource(resource);
      result.resources = [];
    }
    return result;
  }

  private guard(collection: Collection, read: () => void): void {
    if (this.errors.has(collection)) return;
    try {
      read();
    } catch (error) {
      if (!(error instanceof StateShapeError)) throw error;
      this.errors.set(collection, error);
    }
  }

  private raise(collection: Collection): void {
    const error = this.errors.get(collection);
    if (error) throw error;
  }
}

function isLegacyModule(m: unknown): m is Record<string, unknown> {
  return isRecord(m) && (m.resources === undefined || isRecord(m.resources));
}

function sameRoot(path: unknown): boolean {
  return (
    Array.isArray(path) &&
    (path.length === 0 || (path.length === 1 && path[0] === 'root'))
  );
}
