import type { StateInventory } from '@squad-insights/backstage-plugin-squad-insights-common';
import { isSecretAttributeName, scrubValue } from './secrets';
import { isRecord } from './shape';

/**
 * Root-module outputs as the inventory keeps them. Format 1 stored bare strings; every later
 * format stores `{ value, sensitive }`. A sensitive output keeps its name only; so does an
 * output whose name looks secret, since formats before 0.15 often left `sensitive` unset. Other
 * values are scrubbed like attributes are (names, values, JSON inside strings).
 *
 * @internal
 */
export function readOutputs(
  raw: unknown,
  bareValues: boolean,
): StateInventory['outputs'] {
  const outputs: StateInventory['outputs'] = {};
  if (!isRecord(raw)) return outputs;
  for (const name of Object.keys(raw)) {
    const entry = raw[name];
    let value: unknown = entry;
    if (!bareValues) value = isRecord(entry) ? entry.value : undefined;
    const sensitive =
      (!bareValues && isRecord(entry) && entry.sensitive === true) ||
      isSecretAttributeName(name);
    if (sensitive) {
      outputs[name] = { sensitive: true };
    } else if (value === undefined) {
      outputs[name] = { sensitive: false };
    } else {
      const clean = scrubValue(value);
      // A value that is itself a credential makes the output sensitive: its name is kept.
      outputs[name] =
        clean === undefined
          ? { sensitive: true }
          : { sensitive: false, value: clean };
    }
  }
  return outputs;
}
