import type { GatePolicy } from './gatePolicy';

/**
 * The gate of a policy with an override's `gate:` over it: environments merge by name (an
 * entry replaces the base's entry of that name), every other key replaces the base's.
 *
 * @internal
 */
export function mergeGate(
  base: GatePolicy | undefined,
  patch: Partial<GatePolicy> | undefined,
): GatePolicy | undefined {
  if (!patch) return base;
  const defined = Object.fromEntries(
    Object.entries(patch).filter(([, v]) => v !== undefined),
  );
  return {
    ...base,
    ...defined,
    environments: { ...base?.environments, ...patch.environments },
  };
}
