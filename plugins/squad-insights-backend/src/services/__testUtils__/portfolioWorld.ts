import { ConfigReader } from '@backstage/config';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  defaultPolicy,
  knownRequirements,
  SQUAD_GROUP_ANNOTATIONS,
  SQUAD_INSIGHTS_ANNOTATIONS,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import {
  StateBindingPolicy,
  StateSource,
  TerraformStateReader,
} from '@squad-insights/backstage-plugin-squad-insights-node';
import type { Knex } from 'knex';
import { DatabaseAttestationStore } from '../../database/DatabaseAttestationStore';
import { DatabaseComplianceStore } from '../../database/DatabaseComplianceStore';
import { DatabaseComplianceSummaryStore } from '../../database/DatabaseComplianceSummaryStore';
import { DatabaseFactsStore } from '../../database/DatabaseFactsStore';
import { DatabaseGateStore } from '../../database/DatabaseGateStore';
import type { FactsStore } from '../../database/FactsStore';
import type { DomainEvents } from '../../events/DomainEvents';
import type { SquadInsightsEvents } from '../../events/SquadInsightsEvents';
import { CatalogScanner } from '../../ingestion/CatalogScanner';
import type { StateIngester } from '../../ingestion/StateIngester';
import { BulkPortfolioRefresh, EvaluatorOver } from '../bulkEvaluation';
import { CatalogGroupDirectory } from '../CatalogGroupDirectory';
import { CompliancePortfolioService } from '../CompliancePortfolioService';
import { ComplianceService } from '../ComplianceService';
import { FactsService } from '../FactsService';
import { authorsInConflict } from '../separationOfDuties';
import { CatalogServiceProfileService } from '../ServiceProfileService';

const STALE_AFTER_SECONDS = 15 * 60;

// Hand-made rather than mockServices': the bench runs outside Jest.
const mockAuth = {
  getOwnServiceCredentials: async () => ({
    $$type: '@backstage/BackstageCredentials' as const,
    principal: { type: 'service' as const, subject: 'plugin:squad-insights' },
  }),
} as any;

const quietLogger = {
  warn: () => {},
  info: () => {},
  error: () => {},
  debug: () => {},
  child: () => quietLogger,
} as any;

const A = SQUAD_INSIGHTS_ANNOTATIONS;

/**
 * The in-memory catalog of the tests and the bench, over entities that can change between
 * passes. Lookups by ref are indexed (the plain mock scans every entity per lookup, which
 * would make a pass over thousands of services quadratic and time the mock, not the code).
 */
export class WorldCatalog {
  private entities: Entity[];
  private mock!: CatalogService;
  private index!: Map<string, Entity>;
  /** Calls by method name, for asserting how many round trips a pass makes. */
  readonly calls = new Map<string, number>();
  /** Added to every call (the bench): a real catalog answers over the network. */
  latencyMs = 0;

  constructor(entities: Entity[]) {
    this.entities = [...entities];
    this.rebuild();
  }

  add(entity: Entity) {
    this.entities.push(entity);
    this.rebuild();
  }

  remove(entityRef: string) {
    this.entities = this.entities.filter(
      e => stringifyEntityRef(e) !== entityRef,
    );
    this.rebuild();
  }

  private rebuild() {
    this.mock = catalogServiceMock({ entities: this.entities });
    this.index = new Map(
      this.entities.map(e => [
        stringifyEntityRef(e).toLocaleLowerCase('en'),
        e,
      ]),
    );
  }

  private lookup(ref: string | Parameters<typeof stringifyEntityRef>[0]) {
    try {
      const parsed = typeof ref === 'string' ? parseEntityRef(ref) : ref;
      return this.index.get(stringifyEntityRef(parsed).toLocaleLowerCase('en'));
    } catch {
      return undefined;
    }
  }

  get client(): CatalogService {
    const count = async (name: string) => {
      this.calls.set(name, (this.calls.get(name) ?? 0) + 1);
      if (this.latencyMs > 0) {
        await new Promise(resolve => setTimeout(resolve, this.latencyMs));
      }
    };
    const overrides: Partial<CatalogService> = {
      getEntityByRef: async ref => {
        await count('getEntityByRef');
        return this.lookup(ref);
      },
      getEntitiesByRefs: async (request, options) => {
        await count('getEntitiesByRefs');
        if (request.filter)
          return this.mock.getEntitiesByRefs(request, options);
        return { items: request.entityRefs.map(r => this.lookup(r)) };
      },
      getEntities: async (request, options) => {
        await count('getEntities');
        return this.mock.getEntities(request, options);
      },
      queryEntities: async (request, options) => {
        await count('queryEntities');
        return this.mock.queryEntities(request, options);
      },
    };
    return new Proxy({} as CatalogService, {
      get: (_, key) =>
        overrides[key as keyof CatalogService] ??
        ((this.mock as any)[key] as Function).bind(this.mock),
    });
  }
}

const group = (
  name: string,
  type: string,
  extra: {
    parent?: string;
    title?: string;
    annotations?: Record<string, string>;
  } = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: {
    name,
    namespace: 'default',
    ...(extra.title && { title: extra.title }),
    ...(extra.annotations && { annotations: extra.annotations }),
  },
  spec: { type, children: [], ...(extra.parent && { parent: extra.parent }) },
});

const user = (name: string, memberOf: string[]): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, namespace: 'default' },
  spec: { memberOf, profile: { email: `${name}@example.com` } },
});

const SQUADS = 6;

/**
 * Service `i` of the world: the index decides its variety, so every kind of service occurs
 * in any world of a few dozen services.
 */
export function worldService(i: number, type = 'service'): Entity {
  const squad = `squad-${i % SQUADS}`;
  let owner = `group:default/${squad}`;
  if (i % 7 === 3) owner = 'user:default/alice'; // owned by a person
  if (i % 11 === 5) owner = 'group:default/ghost-squad'; // names no group
  const states = [`demo:${squad}/service-${i}.tfstate`];
  if (i % 5 === 2) states.push(`demo:other-squad/service-${i}.tfstate`); // refused binding
  if (i % 13 === 4) states.push('nowhere:service.tfstate'); // no such source
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: `service-${i}`,
      namespace: 'default',
      ...(i % 2 === 0 && { title: `Service ${i}` }),
      annotations: {
        [A.terraformState]: states.join(','),
        [A.complianceRequirements]: ['GDPR', 'PCI_DSS,GDPR', 'PSD2,AML', ''][
          i % 4
        ],
        [A.dataClassification]: i % 3 === 0 ? 'personal' : 'internal',
        ...(i % 3 === 0 && { [A.chapter]: 'Backend Engineering' }),
        ...(i % 4 === 1 && { [A.guild]: 'reliability-guild' }),
        ...(i % 6 === 4 && { [A.consulService]: `svc-${i}` }),
      },
    },
    spec: { type, lifecycle: 'production', owner },
  };
}

/** The organisation every world shares: tribes, squads with contacts, a chapter, a guild. */
function organisation(): Entity[] {
  const squads = Array.from({ length: SQUADS }, (_, s) =>
    group(`squad-${s}`, 'squad', {
      parent: s === SQUADS - 1 ? undefined : `tribe-${s % 2}`,
      annotations: {
        [SQUAD_GROUP_ANNOTATIONS.technicalContact]:
          s === 0 ? 'alice, user:default/nobody' : 'bob',
        [SQUAD_GROUP_ANNOTATIONS.onCall]: `oncall-${s}@example.com`,
      },
    }),
  );
  return [
    group('tribe-0', 'tribe', { title: 'Tribe Zero' }),
    group('tribe-1', 'tribe'),
    ...squads,
    group('backend-chapter', 'chapter', { title: 'Backend Engineering' }),
    group('reliability-guild', 'guild'),
    user('alice', ['group:default/squad-0']),
    user('bob', ['group:default/squad-1']),
  ];
}

/**
 * A portfolio over real stores on `knex` and the real evaluation, with `services` varied
 * services (users and people owning them, waivers, revoked ones, reviews, attestations current,
 * expired and revoked, fresh, stale, failing and never-read facts, refused bindings, Consul
 * views) and a few entities that are not services.
 */
export async function createPortfolioWorld(
  knex: Knex,
  options: { services: number; now: Date },
) {
  const { now } = options;
  const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
  const database = { getClient: async () => knex };
  const facts = await DatabaseFactsStore.create({ database });
  const decisions = await DatabaseComplianceStore.create({ database });
  const attestations = await DatabaseAttestationStore.create({ database });
  const summaries = await DatabaseComplianceSummaryStore.create({ database });
  const gates = await DatabaseGateStore.create({ database });

  const services = Array.from({ length: options.services }, (_, i) =>
    worldService(i),
  );
  const catalog = new WorldCatalog([
    ...organisation(),
    ...services,
    worldService(options.services, 'website'), // a component, not a service
  ]);

  const config = new ConfigReader({
    squadInsights: {
      terraform: {
        sources: [
          {
            id: 'demo',
            type: 'local',
            root: '/nonexistent',
            // A squad binds its own states; other keys are refused.
            bindings: { templates: ['{owner}/**'] },
          },
        ],
      },
      consul: {
        address: 'http://127.0.0.1:8500',
        bindings: { templates: ['{name}', 'svc-*'] },
      },
    },
  });
  const bindings = StateBindingPolicy.fromConfig(config);
  const reader = TerraformStateReader.create({
    sources: new Map([['demo', {} as StateSource]]),
  });
  const policy = defaultPolicy();
  const groupDirectory = CatalogGroupDirectory.create({
    catalog: catalog.client,
    auth: mockAuth,
  });

  // Built as features/compliance.ts and features/facts.ts build them.
  const evaluatorOver: EvaluatorOver = over => {
    const serviceProfile = CatalogServiceProfileService.create({
      catalog: over.catalog,
      requirements: knownRequirements(policy),
    });
    const factsService = FactsService.create({
      visibility: { visibleAmong: async () => undefined },
      consulEnabled: true,
      bindings,
      groups: groupDirectory,
      catalog: over.catalog,
      reader,
      store: over.facts,
      ingester: {} as StateIngester,
      staleAfterSeconds: STALE_AFTER_SECONDS,
      now: () => now,
    });
    return {
      serviceProfile,
      compliance: ComplianceService.create({
        policy,
        facts: factsService,
        serviceProfile,
        store: over.decisions,
        attestations: over.attestations,
        groups: groupDirectory,
        authorsInConflict: (entityRef, authors) =>
          authorsInConflict({
            catalog: over.catalog,
            auth: mockAuth,
            entityRef,
            authors,
            scope: 'tribe',
          }),
        now: () => now,
      }),
    };
  };

  // What the ingestion pass would have stored: each service's states, then their reads.
  const scanner = (
    events?: Pick<DomainEvents<SquadInsightsEvents>, 'publish'>,
  ) =>
    CatalogScanner.create({
      catalog: catalog.client,
      auth: mockAuth,
      reader,
      store: facts,
      bindings,
      events,
      knownServices: () => summaries.listEntityRefs(),
    });
  await scanner().scan();
  await seedFacts(facts, options.services, at);
  const checks = policy.checks.map(c => c.id);
  const attested = [
    'gdpr.erasure',
    'gdpr.portability',
    'aml.transaction-monitoring',
  ];
  for (let i = 0; i < options.services; i++) {
    const entityRef = `component:default/service-${i}`;
    if (i % 4 === 0) {
      await decisions.insertWaiver({
        entityRef,
        checkId: checks[i % checks.length],
        justification: 'Migration planned',
        grantedBy: 'user:default/carl',
        grantedAt: at(-600),
        expiresAt: at(60 * 24 * (i % 40) + 30),
      });
    }
    if (i % 8 === 0) {
      const w = await decisions.insertWaiver({
        entityRef,
        checkId: checks[(i + 3) % checks.length],
        justification: 'Revoked later',
        grantedBy: 'user:default/carl',
        grantedAt: at(-900),
        expiresAt: at(60 * 24 * 30),
      });
      await decisions.revokeWaiver(w.id, {
        revokedBy: 'user:default/dana',
        revokedAt: at(-60),
      });
    }
    if (i % 10 === 0) {
      // Alice is in squad-0: her waiver on squad-0's service no longer counts.
      await decisions.insertWaiver({
        entityRef,
        checkId: checks[(i + 7) % checks.length],
        justification: 'By an owner',
        grantedBy: 'user:default/alice',
        grantedAt: at(-300),
        expiresAt: at(60 * 24 * 10),
      });
    }
    if (i % 3 === 1) {
      await decisions.insertReview({
        entityRef,
        reviewer: 'user:default/carl',
        decision: i % 2 ? 'approved' : 'changes_requested',
        createdAt: at(-120 - i),
        snapshot: '{}',
      });
    }
    if (i % 5 === 0 || i % 10 === 5) {
      await attestations.insertAttestation({
        entityRef,
        checkId: attested[i % attested.length],
        statement: 'In place',
        evidenceUrl: 'https://example.com/evidence',
        attestedBy: i % 15 === 0 ? 'user:default/alice' : 'user:default/carl',
        attestedAt: at(-60 * 24 * 30),
        // Every other one has expired.
        expiresAt: at(i % 10 === 5 ? -60 : 60 * 24 * 90),
      });
    }
    if (i % 9 === 0) {
      const a = await attestations.insertAttestation({
        entityRef,
        checkId: 'gdpr.portability',
        statement: 'Withdrawn',
        evidenceUrl: 'https://example.com/withdrawn',
        attestedBy: 'user:default/carl',
        attestedAt: at(-60 * 24),
        expiresAt: at(60 * 24 * 90),
      });
      await attestations.revokeAttestation(a.id, {
        revokedBy: 'user:default/dana',
        revokedAt: at(-30),
      });
    }
  }

  /** The portfolio as features/portfolio.ts builds it, with or without the bulk pass. */
  const portfolio = (mode: { bulk: boolean; batchSize?: number }) => {
    const live = evaluatorOver({
      catalog: catalog.client,
      facts,
      decisions,
      attestations,
    });
    return CompliancePortfolioService.create({
      catalog: catalog.client,
      auth: mockAuth,
      logger: quietLogger,
      compliance: live.compliance,
      serviceProfile: live.serviceProfile,
      decisions,
      facts,
      summaries,
      visibility: { visibleAmong: async () => undefined },
      gates,
      now: () => now,
      bulk: mode.bulk
        ? BulkPortfolioRefresh.create({
            catalog: catalog.client,
            auth: mockAuth,
            logger: quietLogger,
            facts,
            decisions,
            attestations,
            summaries,
            evaluatorOver,
            batchSize: mode.batchSize,
            now: () => now,
          })
        : undefined,
    });
  };

  return { catalog, facts, summaries, scanner, portfolio };
}

/** Facts of every kind: fresh, stale by age, failing, never read; some Consul views. */
async function seedFacts(
  facts: FactsStore,
  services: number,
  at: (minutes: number) => Date,
) {
  for (let i = 0; i < services; i++) {
    const squad = `squad-${i % SQUADS}`;
    const reference = `demo:${squad}/service-${i}.tfstate`;
    if (i % 9 === 2) continue; // never read
    await facts.saveStateRead({
      reference,
      marker: `m-${i}`,
      // Fresh, or last checked two hours ago: stale by age.
      at: at(i % 6 === 1 ? -120 : -5),
      inventory: {
        status: 'ok',
        format: 'v4',
        serial: i,
        outputs: {},
        resources: [
          {
            address: 'aws_s3_bucket.data',
            mode: 'managed',
            type: 'aws_s3_bucket',
            name: 'data',
            provider: 'registry.terraform.io/hashicorp/aws',
            instances: [
              {
                address: 'aws_s3_bucket.data',
                region: i % 4 === 3 ? 'us-east-1' : 'eu-north-1',
                tags: i % 2 ? { squad } : {},
                attributes: { bucket: `service-${i}-data` },
              },
            ],
          },
        ],
      },
    });
    if (i % 8 === 7) {
      await facts.recordStateError(reference, 'source demo is down', at(-1));
    }
    if (i % 3 !== 2) {
      const name = i % 6 === 4 ? `svc-${i}` : `service-${i}`;
      await facts.saveConsulView({
        serviceName: name,
        // null: Consul answered that the service is not registered.
        view: i % 6 === 0 ? null : consulView(name, squad, i),
        consulIndex: 100 + i,
        at: at(-2),
      });
    }
  }
}

function consulView(name: string, team: string, i: number) {
  const health = i % 4 === 1 ? 'critical' : 'passing';
  return {
    name,
    datacenter: 'dc1',
    instances: [
      {
        node: 'node-1',
        address: '10.0.0.1',
        port: 8080,
        serviceId: name,
        tags: ['v1'],
        meta: { team },
        health,
        checks: [],
      },
    ],
    health,
    healthCounts: {
      passing: health === 'passing' ? 1 : 0,
      warning: 0,
      critical: health === 'critical' ? 1 : 0,
    },
    tags: ['v1'],
    meta: { team, versions: ['1.0.0'], raw: { team } },
    connect: { sidecar: i % 2 === 0, native: false },
    intentions: { defaultAllow: i % 3 === 0, sources: [] },
    index: 100 + i,
    readAt: '2026-11-26T07:58:00Z',
  };
}
