import { DatabaseGateStore } from '../database/DatabaseGateStore';
import { GateOverrideService } from '../services/GateOverrideService';
import { GateService } from '../services/GateService';
import type { createComplianceFeature } from './compliance';
import type { createFactsFeature } from './facts';
import type { FeatureContext } from './types';

/** The deployment gate: decisions per commit and environment, and their overrides. */
export async function createGateFeature(
  { deps, database, complianceOptions: options }: FeatureContext,
  { facts }: Awaited<ReturnType<typeof createFactsFeature>>,
  {
    compliance,
    complianceStore,
  }: Awaited<ReturnType<typeof createComplianceFeature>>,
) {
  const access = {
    catalog: deps.catalog,
    auth: deps.auth,
    permissions: deps.permissions,
    auditor: deps.auditor,
    userInfo: deps.userInfo,
    policy: options.policy,
  };
  const store = await DatabaseGateStore.create({ database });
  return {
    gateStore: store,
    gate: GateService.create({
      ...access,
      compliance,
      complianceStore,
      facts,
      store,
    }),
    gateOverrides: GateOverrideService.create({
      ...access,
      store,
      allowSelfWaivers: options.allowSelfWaivers,
      separationOfDutiesScope: options.separationOfDutiesScope,
    }),
  };
}
