import { knownRequirements } from '@squad-insights/backstage-plugin-squad-insights-common';
import type { AttestationStore } from '../database/AttestationStore';
import type { ComplianceStore } from '../database/ComplianceStore';
import { DatabaseAttestationStore } from '../database/DatabaseAttestationStore';
import { DatabaseComplianceStore } from '../database/DatabaseComplianceStore';
import { DatabaseWaiverRequestStore } from '../database/DatabaseWaiverRequestStore';
import {
  attestationStoreWithEvents,
  complianceStoreWithEvents,
} from '../events/publishingStores';
import { AttestationService } from '../services/AttestationService';
import { ComplianceDecisionService } from '../services/ComplianceDecisionService';
import { ComplianceService } from '../services/ComplianceService';
import type { EvaluatorOver } from '../services/bulkEvaluation';
import { authorsInConflict } from '../services/separationOfDuties';
import { CatalogServiceProfileService } from '../services/ServiceProfileService';
import { WaiverRequestService } from '../services/WaiverRequestService';
import type { createFactsFeature } from './facts';
import type { FeatureContext } from './types';

/**
 * Compliance: the policy's checks evaluated over the facts, and the decisions people record
 * on them (waivers, reviews, attestations, waiver requests), each published as an event.
 */
export async function createComplianceFeature(
  { deps, database, events, complianceOptions: options }: FeatureContext,
  {
    facts,
    factsOver,
    groupDirectory,
    pageCatalog,
  }: Awaited<ReturnType<typeof createFactsFeature>>,
) {
  const { catalog, auth, permissions, auditor, userInfo } = deps;
  const complianceStore = await DatabaseComplianceStore.create({ database });
  const attestationStore = attestationStoreWithEvents(
    await DatabaseAttestationStore.create({ database }),
    events,
  );
  const separationOfDuties = {
    allowSelfWaivers: options.allowSelfWaivers,
    separationOfDutiesScope: options.separationOfDutiesScope,
  };
  // Built alike over the live sources and over the portfolio's bulk reads (bulkEvaluation.ts),
  // so a full pass judges exactly as a single refresh does.
  const complianceWith = (over: {
    facts: typeof facts;
    serviceProfile: typeof deps.serviceProfile;
    catalog: typeof catalog;
    store: ComplianceStore;
    attestations: AttestationStore;
  }) =>
    ComplianceService.create({
      policy: options.policy,
      facts: over.facts,
      serviceProfile: over.serviceProfile,
      store: over.store,
      attestations: over.attestations,
      groups: groupDirectory,
      // Separation of duties again when a waiver or attestation is applied, not only granted.
      authorsInConflict: options.allowSelfWaivers
        ? undefined
        : (entityRef, authors) =>
            authorsInConflict({
              catalog: over.catalog,
              auth,
              entityRef,
              authors,
              scope: options.separationOfDutiesScope,
            }),
    });
  // The default profile service reads through the page catalog the other per-entity routes
  // read through: one cache of lookups per caller, cleared when the catalog changes
  // (features/facts.ts). One an adopter installed instead is used as it is.
  const pageProfile =
    deps.serviceProfile instanceof CatalogServiceProfileService
      ? CatalogServiceProfileService.create({
          catalog: pageCatalog,
          requirements: knownRequirements(options.policy),
        })
      : deps.serviceProfile;
  const compliance = complianceWith({
    facts,
    serviceProfile: pageProfile,
    catalog,
    store: complianceStore,
    attestations: attestationStore,
  });
  const evaluatorOver: EvaluatorOver = over => {
    // The default profile service reads through the catalog it is given; one an adopter
    // installed instead is used as it is (correct, only not read ahead).
    const serviceProfile =
      deps.serviceProfile instanceof CatalogServiceProfileService
        ? CatalogServiceProfileService.create({
            catalog: over.catalog,
            requirements: knownRequirements(options.policy),
          })
        : deps.serviceProfile;
    return {
      serviceProfile,
      compliance: complianceWith({
        facts: factsOver({ catalog: over.catalog, store: over.facts }),
        serviceProfile,
        catalog: over.catalog,
        store: over.decisions,
        attestations: over.attestations,
      }),
    };
  };
  const decisions = ComplianceDecisionService.create({
    ...{ catalog, auth, permissions, auditor, userInfo },
    store: complianceStoreWithEvents(complianceStore, events),
    compliance,
    ...separationOfDuties,
  });
  const attestations = AttestationService.create({
    ...{ catalog, auth, permissions, auditor, userInfo },
    store: attestationStore,
    policy: options.policy,
    compliance,
    ...separationOfDuties,
  });
  const waiverRequests = WaiverRequestService.create({
    catalog,
    permissions,
    auditor,
    store: await DatabaseWaiverRequestStore.create({ database }),
    compliance,
    decisions,
  });
  return {
    compliance,
    serviceProfile: pageProfile,
    evaluatorOver,
    complianceStore,
    attestationStore,
    decisions,
    attestations,
    waiverRequests,
  };
}
