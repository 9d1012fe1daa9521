import type {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  squadInsightsComplianceReadPermission,
  squadInsightsFactsRefreshPermission,
  sustainabilityReportCsv,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import type express from 'express';
import { createOpenApiRouter } from './schema/openapi/generated/openapi';
import type { AttestationService } from './services/AttestationService';
import type { CatalogSummariesService } from './services/CatalogSummariesService';
import type { ComplianceDecisionService } from './services/ComplianceDecisionService';
import type { CompliancePortfolioService } from './services/CompliancePortfolioService';
import type { ComplianceResultsService } from './services/ComplianceResultsService';
import type { FactsService } from './services/FactsService';
import type { FootprintService } from './services/FootprintService';
import type { GateOverrideService } from './services/GateOverrideService';
import type { GateService } from './services/GateService';
import type { GroupFootprintService } from './services/GroupFootprintService';
import type { ServiceProfileService } from './services/ServiceProfileService';
import { requirePermission } from './services/complianceAccess';
import { VersionedAnswers } from './services/versionedAnswers';
import type { SustainabilityReportService } from './services/SustainabilityReportService';
import type { WaiverRequestService } from './services/WaiverRequestService';

/**
 * Thin HTTP layer over the services, typed and validated from src/schema/openapi.yaml:
 * credentials in, service call, JSON out.
 */
export async function createRouter(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  serviceProfile: ServiceProfileService;
  facts: FactsService;
  footprints: FootprintService;
  groupFootprints: GroupFootprintService;
  complianceResults: ComplianceResultsService;
  decisions: ComplianceDecisionService;
  attestations: AttestationService;
  portfolio: CompliancePortfolioService;
  waiverRequests: WaiverRequestService;
  catalogSummaries: CatalogSummariesService;
  sustainabilityReports: SustainabilityReportService;
  gate: GateService;
  gateOverrides: GateOverrideService;
}): Promise<express.Router> {
  const {
    httpAuth,
    permissions,
    serviceProfile,
    facts,
    footprints,
    groupFootprints,
  } = options;
  const { complianceResults, decisions, attestations, portfolio } = options;
  const { waiverRequests, catalogSummaries, sustainabilityReports } = options;
  const { gate, gateOverrides } = options;
  const router = await createOpenApiRouter();
  // The facts answer is large (every resource of every state): kept serialised per version.
  const factsAnswers = new VersionedAnswers();
  // A service page asks for its footprint from several cards; serialising and compressing it
  // cost more than computing it (the analysis is remembered per version of its inputs).
  const footprintAnswers = new VersionedAnswers();

  // A service's compliance record is its permission resource: each route names the entity as
  // the resource ref, so a policy's conditions (owner, tribe, framework) judge this service.
  const mayRead = (
    ref: CompoundEntityRef,
    credentials: BackstageCredentials<any>,
  ) =>
    requirePermission(
      permissions,
      squadInsightsComplianceReadPermission,
      credentials,
      'read the compliance record',
      stringifyEntityRef(ref),
    );

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  // The profile and footprint are read from the same compliance record: same check.
  router.get('/entities/:namespace/:kind/:name/profile', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    await mayRead(req.params, credentials);
    res.json(await serviceProfile.getProfile(req.params, { credentials }));
  });

  router.get('/entities/:namespace/:kind/:name/facts', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    await mayRead(req.params, credentials);
    // After the caller's checks (the permission above, the catalog read inside): the kept
    // bytes are shared by every caller allowed to see this version of the facts.
    const answer = await facts.getVersionedEntityFacts(req.params, {
      credentials,
    });
    await factsAnswers.send(req, res, {
      key: answer.facts.entityRef,
      version: answer.version,
      body: answer.facts,
    });
  });

  router.get('/entities/:namespace/:kind/:name/footprint', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    await mayRead(req.params, credentials);
    // After the caller's checks, as for the facts: the catalog read inside is the caller's.
    const answer = await footprints.getVersionedEntityFootprintWithHistory(
      req.params,
      { credentials },
    );
    await footprintAnswers.send(req, res, {
      key: answer.footprint.entityRef,
      version: answer.version,
      body: answer.footprint,
    });
  });

  router.get('/groups/:namespace/:name/footprint', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json(
      await groupFootprints.getGroupFootprint(req.params, {
        credentials,
      }),
    );
  });

  router.post('/entities/:namespace/:kind/:name/refresh', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    await requirePermission(
      permissions,
      squadInsightsFactsRefreshPermission,
      credentials,
      'refresh the Squad Insights facts',
      stringifyEntityRef(req.params),
    );
    res.json(await facts.refreshEntity(req.params, { credentials }));
  });

  router.get(
    '/entities/:namespace/:kind/:name/compliance',
    async (req, res) => {
      const credentials = await httpAuth.credentials(req, {
        allow: ['user', 'service'],
      });
      await mayRead(req.params, credentials);
      res.json(
        await complianceResults.getEntityCompliance(req.params, {
          credentials,
        }),
      );
    },
  );

  router.get('/entities/:namespace/:kind/:name/waivers', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    await mayRead(req.params, credentials);
    res.json(await decisions.listWaivers(req.params, { credentials }));
  });

  // Decisions are signed by a person: only user credentials may make them.
  router.post('/entities/:namespace/:kind/:name/waivers', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    res.json(
      await decisions.grantWaiver(req.params, req.body ?? {}, {
        credentials,
      }),
    );
  });

  router.post(
    '/entities/:namespace/:kind/:name/waivers/:id/revoke',
    async (req, res) => {
      const credentials = await httpAuth.credentials(req, { allow: ['user'] });
      const { id, ...ref } = req.params;
      res.json(
        await decisions.revokeWaiver(ref, id, req.body ?? {}, {
          credentials,
        }),
      );
    },
  );

  router.get(
    '/entities/:namespace/:kind/:name/waiver-requests',
    async (req, res) => {
      const credentials = await httpAuth.credentials(req, {
        allow: ['user', 'service'],
      });
      await mayRead(req.params, credentials);
      res.json(await waiverRequests.listRequests(req.params, { credentials }));
    },
  );

  // Requests and their decisions are signed by a person, like waivers.
  router.post(
    '/entities/:namespace/:kind/:name/waiver-requests',
    async (req, res) => {
      const credentials = await httpAuth.credentials(req, { allow: ['user'] });
      res.json(
        await waiverRequests.requestWaiver(req.params, req.body ?? {}, {
          credentials,
        }),
      );
    },
  );

  router.post(
    '/entities/:namespace/:kind/:name/waiver-requests/:id/approve',
    async (req, res) => {
      const credentials = await httpAuth.credentials(req, { allow: ['user'] });
      const { id, ...ref } = req.params;
      res.json(await waiverRequests.approveRequest(ref, id, { credentials }));
    },
  );

  router.post(
    '/entities/:namespace/:kind/:name/waiver-requests/:id/reject',
    async (req, res) => {
      const credentials = await httpAuth.credentials(req, { allow: ['user'] });
      const { id, ...ref } = req.params;
      res.json(
        await waiverRequests.rejectRequest(ref, id, req.body ?? {}, {
          credentials,
        }),
      );
    },
  );

  router.get(
    '/entities/:namespace/:kind/:name/attestations',
    async (req, res) => {
      const credentials = await httpAuth.credentials(req, {
        allow: ['user', 'service'],
      });
      await mayRead(req.params, credentials);
      res.json(
        await attestations.listAttestations(req.params, {
          credentials,
        }),
      );
    },
  );

  // Like waivers, an attestation is signed by a person: user credentials only.
  router.post(
    '/entities/:namespace/:kind/:name/attestations',
    async (req, res) => {
      const credentials = await httpAuth.credentials(req, { allow: ['user'] });
      res.json(
        await attestations.attest(req.params, req.body ?? {}, {
          credentials,
        }),
      );
    },
  );

  router.post(
    '/entities/:namespace/:kind/:name/attestations/:id/revoke',
    async (req, res) => {
      const credentials = await httpAuth.credentials(req, { allow: ['user'] });
      const { id, ...ref } = req.params;
      res.json(
        await attestations.revokeAttestation(ref, id, req.body ?? {}, {
          credentials,
        }),
      );
    },
  );

  router.get('/entities/:namespace/:kind/:name/reviews', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    await mayRead(req.params, credentials);
    res.json(await decisions.listReviews(req.params, { credentials }));
  });

  router.post('/entities/:namespace/:kind/:name/reviews', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    res.json(
      await decisions.createReview(req.params, req.body ?? {}, {
        credentials,
      }),
    );
  });

  // Pipelines ask with external access tokens; the policy may refuse user tokens (GateService).
  router.post('/entities/:namespace/:kind/:name/gate', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json(await gate.decide(req.params, req.body ?? {}, { credentials }));
  });

  router.get(
    '/entities/:namespace/:kind/:name/gate/decisions',
    async (req, res) => {
      const credentials = await httpAuth.credentials(req, {
        allow: ['user', 'service'],
      });
      await mayRead(req.params, credentials);
      res.json(
        await gate.listDecisions(req.params, req.query, {
          credentials,
        }),
      );
    },
  );

  // Break-glass is signed by a person, like a waiver.
  router.post(
    '/entities/:namespace/:kind/:name/gate/decisions/:id/override',
    async (req, res) => {
      const credentials = await httpAuth.credentials(req, { allow: ['user'] });
      const { id, ...ref } = req.params;
      res.json(
        await gateOverrides.grant(ref, id, req.body ?? {}, {
          credentials,
        }),
      );
    },
  );

  // Any signed-in user may read the portfolio, restricted to the services the catalog shows them.
  router.get('/compliance/portfolio', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json(await portfolio.getPortfolio(req.query, { credentials }));
  });

  // The catalog table's columns: one request per page of the table, not one per row; like the
  // portfolio, restricted to what the catalog shows the caller.
  router.post('/compliance/summaries', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json(await catalogSummaries.getSummaries(req.body, { credentials }));
  });

  // Like the portfolio: any signed-in user, restricted to the services the catalog shows them.
  router.get('/reports/sustainability', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const accepted =
      req.accepts(['application/json', 'text/csv']) === 'text/csv'
        ? 'csv'
        : 'json';
    const query = sustainabilityReports.parseQuery(req.query, accepted);
    const report = await sustainabilityReports.getReport(query, {
      credentials,
    });
    if (query.format === 'csv') {
      const scope = (query.tribe ?? 'organisation').replace(
        /[^a-z0-9-]+/gi,
        '-',
      );
      res.attachment(`sustainability-${scope}-${query.month}.csv`);
      // Written as text: the typed send() knows only the JSON body of this route.
      res.type('text/csv; charset=utf-8').end(sustainabilityReportCsv(report));
      return;
    }
    res.json(report);
  });

  router.get('/services', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const offset = Number(req.query.offset ?? 0);
    const limit = Number(req.query.limit ?? 50);
    res.json(await facts.listServices({ offset, limit }, { credentials }));
  });

  return router;
}
