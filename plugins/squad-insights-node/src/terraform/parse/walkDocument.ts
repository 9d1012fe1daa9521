import type { InventoryBuilder } from './InventoryBuilder';
import { isRecord } from './shape';

type Sink = Pick<InventoryBuilder, 'addV4List' | 'addLegacy' | 'addShow'>;

function walkModule(
  module: unknown,
  add: (raw: unknown, module: unknown) => void,
): void {
  if (!isRecord(module)) return;
  if (Array.isArray(module.resources)) {
    for (const raw of module.resources) add(raw, module);
  }
  if (Array.isArray(module.child_modules)) {
    for (const child of module.child_modules) walkModule(child, add);
  }
}

/**
 * Hands a fully parsed document's resource collections to the builder, exactly the
 * collections the streaming reader picks out (see `collectionOf` in `streamCollections.ts`):
 * - `resources[]` (format 4),
 * - `modules[n].resources{}` (formats 1–3),
 * - `values.root_module(.child_modules[n])*.resources[]` (`show -json`),
 * - the same under `prior_state` (plan JSON).
 *
 * @internal
 */
export function walkDocument(doc: unknown, sink: Sink): void {
  if (!isRecord(doc)) return;
  if (Array.isArray(doc.resources)) sink.addV4List(doc.resources);
  if (Array.isArray(doc.modules)) {
    doc.modules.forEach((module, index) => {
      if (!isRecord(module) || !isRecord(module.resources)) return;
      const resources = module.resources;
      for (const key of Object.keys(resources))
        sink.addLegacy(index, key, resources[key]);
    });
  }
  if (isRecord(doc.values))
    walkModule(doc.values.root_module, (r, m) => sink.addShow(r, false, m));
  const prior = doc.prior_state;
  if (isRecord(prior) && isRecord(prior.values)) {
    walkModule(prior.values.root_module, (r, m) => sink.addShow(r, true, m));
  }
}
