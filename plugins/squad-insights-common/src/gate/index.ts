/*
 * The deployment gate: whether a service may be deployed to an environment, decided from its
 * compliance results, waivers, reviews and facts by the policy's `gate:` section. Pure.
 */
export {
  GatePolicySchema,
  GateEnvironmentSchema,
  GatePolicyOverrideSchema,
  DEFAULT_GATE_OVERRIDE_MAX_HOURS,
} from './gatePolicy';
export type { GatePolicy, GateEnvironment } from './gatePolicy';
export { decideGate, gateEnvironments } from './decideGate';
export type {
  GateDecision,
  GateInput,
  GateOverride,
  GateReason,
  GateReasonCode,
} from './decideGate';
