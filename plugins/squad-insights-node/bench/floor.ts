import { indexSuffix, resourceAddress } from '../src/terraform/parse/address';
import { keyKind } from '../src/terraform/parse/secretNames';
import { isSecretValue } from '../src/terraform/parse/secretValues';

/*
 * The least work any scrubber written in JavaScript must do on a parsed format-4 state, for
 * the parse bench to compare `parseState` with: how close it is to what is possible, not only
 * to `JSON.parse`. Neither pass keeps a secret out of anything; they only cost what the real
 * parser cannot avoid:
 * - `scrubFloor`: one verdict per attribute key (its cached name kind) and one per string of
 *   8 characters or more (its value), and nothing copied, allocated or derived;
 * - `leastInventory`: per instance an address, a copy of its tags and an object holding them,
 *   per resource an object: no region, no provider parsing, no drops.
 */

let verdicts = 0;

function visit(node: unknown): void {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      const v = node[i];
      if (typeof v === 'string') {
        if (v.length >= 8 && isSecretValue(v)) verdicts++;
      } else if (typeof v === 'object' && v !== null) visit(v);
    }
    return;
  }
  const obj = node as Record<string, unknown>;
  // eslint-disable-next-line guard-for-in
  for (const key in obj) {
    verdicts += keyKind(key);
    const v = obj[key];
    if (typeof v === 'string') {
      if (v.length >= 8 && isSecretValue(v)) verdicts++;
    } else if (typeof v === 'object' && v !== null) visit(v);
  }
}

type Doc = { resources: Array<Record<string, any>> };

/** Every attribute judged, by name and by value; returns a count so the work is not elided. */
export function scrubFloor(doc: Doc): number {
  verdicts = 0;
  for (const resource of doc.resources) {
    for (const instance of resource.instances) visit(instance.attributes);
  }
  return verdicts;
}

/** The smallest inventory of the document: addresses, tag copies, objects. */
export function leastInventory(doc: Doc): unknown[] {
  const out: unknown[] = [];
  for (const r of doc.resources) {
    const address = resourceAddress(r as Parameters<typeof resourceAddress>[0]);
    const instances = [];
    for (const i of r.instances) {
      const a = i.attributes;
      instances.push({
        address: address + indexSuffix(i.index_key),
        tags: a.tags_all ? { ...a.tags_all } : {},
        attributes: a,
      });
    }
    out.push({
      address,
      mode: r.mode,
      type: r.type,
      name: r.name,
      provider: r.provider,
      instances,
    });
  }
  return out;
}
