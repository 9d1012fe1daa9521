import { DEFAULT_POLICY_YAML } from './defaultPolicyYaml';
import { loadPolicy } from './loadPolicy';
import type { CompliancePolicy } from './model';

let cached: CompliancePolicy | undefined;

/** Every caller shares the one default policy, so nobody may change it under the others. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * The default policy (`default-policy.yaml`), parsed on first use and then shared. The YAML
 * travels as a generated string constant, because this package runs in the browser, the
 * backend, the CLI and scaffolder actions, and not all of their bundlers and runners load
 * `.yaml` files as text. The result is frozen; derive variants with `mergePolicy`.
 *
 * @public
 */
export function defaultPolicy(): CompliancePolicy {
  cached ??= deepFreeze(
    loadPolicy(DEFAULT_POLICY_YAML, { fileName: 'default-policy.yaml' }),
  );
  return cached;
}

export { DEFAULT_POLICY_YAML };
