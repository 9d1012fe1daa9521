import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import type { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  analyseService,
  intensityForRegion,
  EntityFootprintResponse,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import { readCriticality } from '@squad-insights/backstage-plugin-squad-insights-common';
import type { FootprintStore } from '../database/FootprintStore';
import { utcDay } from '../database/FootprintStore';
import type { FactsService } from './FactsService';
import type { SustainabilityOptions } from './sustainabilityOptions';
import type { UsageInputs, UsageService } from './UsageService';

/** The footprint of one service with what it was computed from. @public */
/** How many analyses are remembered: a portfolio's worth of services, a few MB. */
const MAX_REMEMBERED_ANALYSES = 2_000;

/**
 * The API's EntityFootprint without its history, which {@link FootprintService.getEntityFootprintWithHistory}
 * adds from the daily snapshots.
 *
 * @public
 */
export type EntityFootprint = Omit<EntityFootprintResponse, 'history'>;

/**
 * Computes service footprints from the stored facts with the common sustainability engine.
 * It reads through {@link FactsService} so freshness and annotation problems are reported
 * the same way as on the facts route.
 *
 * @public
 */
export class FootprintService {
  static create(options: {
    catalog: typeof catalogServiceRef.T;
    facts: Pick<FactsService, 'getVersionedEntityFacts'>;
    history: FootprintStore;
    options: SustainabilityOptions;
    /** Measured usage and grid intensity; without it the estimate uses CCF's defaults. */
    usage?: Pick<UsageService, 'inputsFor'>;
    now?: () => Date;
  }) {
    return new FootprintService(options, options.now ?? (() => new Date()));
  }

  private constructor(
    private readonly deps: {
      catalog: typeof catalogServiceRef.T;
      facts: Pick<FactsService, 'getVersionedEntityFacts'>;
      history: FootprintStore;
      options: SustainabilityOptions;
      usage?: Pick<UsageService, 'inputsFor'>;
    },
    private readonly now: () => Date,
  ) {}

  /** Analyses by the version of their inputs (see getEntityFootprint); oldest dropped first. */
  private readonly analyses = new Map<
    string,
    ReturnType<typeof analyseService>
  >();

  async getEntityFootprint(
    ref: CompoundEntityRef,
    options: { credentials: BackstageCredentials },
  ): Promise<EntityFootprint> {
    return (await this.versionedFootprint(ref, options)).footprint;
  }

  /**
   * The footprint with a version that names all of it: what the answer says besides the
   * analysis (states, Consul, usage and grid freshness, problems) and the version of the
   * analysis' inputs (see below), so the bytes of an answer may be reused while it stays (see
   * versionedAnswers.ts). No version when the facts have none.
   */
  private async versionedFootprint(
    ref: CompoundEntityRef,
    { credentials }: { credentials: BackstageCredentials },
  ): Promise<{ footprint: EntityFootprint; version?: string }> {
    const entity = await this.deps.catalog.getEntityByRef(ref, { credentials });
    if (!entity)
      throw new NotFoundError(
        `No entity ${stringifyEntityRef(ref)} in the catalog`,
      );
    const entityRef = stringifyEntityRef(entity);
    const { facts, version: factsVersion } =
      await this.deps.facts.getVersionedEntityFacts(ref, { credentials });
    const { criticality, declared, problem } = readCriticality(entity);
    const problems = [...facts.problems, ...(problem ? [problem] : [])];

    // A state never read, or whose source holds no state at all, says nothing about what
    // runs; the others count even when stale (the last good inventory).
    const read = facts.states.filter(
      s => s.freshness.readAt && s.inventory.status !== 'no-state',
    );
    const view = facts.consul?.view;
    const healthyInstances = view?.healthCounts?.passing;
    const consul = facts.consul && {
      serviceName: facts.consul.serviceName,
      freshness: facts.consul.freshness,
      healthyInstances,
    };
    const result: EntityFootprint = {
      entityRef,
      criticality,
      criticalityDeclared: declared,
      advice: [],
      // Consul only matters for staleness when its count is used.
      stale:
        facts.states.some(s => s.freshness.stale) ||
        Boolean(healthyInstances && consul?.freshness.stale),
      states: facts.states.map(({ reference, freshness }) => ({
        reference,
        freshness,
      })),
      consul,
      problems,
    };
    if (read.length === 0) {
      problems.push(
        'No Terraform state of this service has been read; its footprint is unknown',
      );
      return {
        footprint: result,
        version: factsVersion && JSON.stringify([factsVersion, result]),
      };
    }
    // Zero healthy instances is a real observation (the service is down), but using it would
    // report the scheduled capacity as using nothing; only a positive count replaces it.
    const inputs = await this.deps.usage?.inputsFor(entityRef);
    const now = this.now();
    const observed = healthyInstances ? healthyInstances : undefined;
    // The analysis depends only on what was read (states, Consul's count, usage, intensity),
    // the criticality and the week; a service page asks for it from several cards, so it is
    // computed once per version of its inputs (and at most an hour old: the week moves on).
    const version = JSON.stringify([
      entityRef,
      criticality,
      observed ?? null,
      now.toISOString().slice(0, 13),
      read.map(st => [
        st.reference,
        st.freshness.readAt,
        st.freshness.marker ?? null,
      ]),
      inputs?.version ?? null,
    ]);
    let analysis = this.analyses.get(version);
    if (!analysis) {
      analysis = analyseService(
        entityRef,
        read.map(st => st.inventory),
        {
          ...this.deps.options,
          criticality,
          observedHealthyInstances: observed,
          weekOf: now,
          measured: inputs?.measured,
          intensity: inputs?.intensity,
        },
      );
      if (this.analyses.size >= MAX_REMEMBERED_ANALYSES) {
        this.analyses.delete(this.analyses.keys().next().value!);
      }
      this.analyses.set(version, analysis);
    }
    if (inputs)
      describeInputs(result, inputs, analysis.footprint.primaryRegion);
    return {
      footprint: {
        ...result,
        footprint: analysis.footprint,
        advice: analysis.advice,
        heatmap: analysis.heatmap,
      },
      // The analysis is named by the version of what it was computed from (it is remembered
      // under it), the rest of the answer is small and named by itself.
      version: factsVersion && JSON.stringify([factsVersion, result, version]),
    };
  }

  /** The footprint and the stored daily history (90 days by default). */
  async getEntityFootprintWithHistory(
    ref: CompoundEntityRef,
    options: { credentials: BackstageCredentials; days?: number },
  ): Promise<EntityFootprintResponse> {
    return (await this.getVersionedEntityFootprintWithHistory(ref, options))
      .footprint;
  }

  /**
   * {@link FootprintService.getEntityFootprintWithHistory} with a version that names the whole
   * answer, history included (its rows are few and small), for versionedAnswers.ts. No version
   * when the facts have none.
   */
  async getVersionedEntityFootprintWithHistory(
    ref: CompoundEntityRef,
    options: { credentials: BackstageCredentials; days?: number },
  ): Promise<{ footprint: EntityFootprintResponse; version?: string }> {
    const { footprint: fp, version } = await this.versionedFootprint(
      ref,
      options,
    );
    const history = await this.deps.history.getHistory(
      fp.entityRef,
      options.days ?? 90,
      this.now(),
    );
    return {
      footprint: { ...fp, history },
      version: version && JSON.stringify([version, history]),
    };
  }

  /**
   * Writes today's snapshot for each entity. One failing entity does not stop the others;
   * the failures are returned for the log.
   */
  async snapshot(
    entityRefs: string[],
    { credentials }: { credentials: BackstageCredentials },
  ): Promise<{ written: number; unknown: number; failed: string[] }> {
    const out = { written: 0, unknown: 0, failed: [] as string[] };
    const at = this.now();
    for (const entityRef of entityRefs) {
      try {
        const { footprint } = await this.getEntityFootprint(
          parseEntityRef(entityRef),
          { credentials },
        );
        if (!footprint) {
          out.unknown += 1;
          continue;
        }
        await this.deps.history.upsertDay(
          {
            entityRef,
            day: utcDay(at),
            kwhPerDay: footprint.kwhPerDay,
            co2eKgPerDay: footprint.co2eKgPerDay,
            carbonTaxSekPerMonth: footprint.carbonTaxSekPerMonth,
            breakdown: footprint.breakdown,
          },
          at,
        );
        out.written += 1;
      } catch (e) {
        out.failed.push(`${entityRef}: ${(e as Error).message}`);
      }
    }
    return out;
  }
}

/** Freshness of the measured usage and of the grid intensity, on the result and as problems. */
function describeInputs(
  result: EntityFootprint,
  inputs: UsageInputs,
  region: string,
): void {
  const u = inputs.usage;
  if (u) {
    result.usage = {
      source: u.measured?.source,
      measuredAt: u.measured?.measuredAt,
      attemptedAt: u.attemptedAt,
      stale: u.stale,
      staleReason: u.staleReason,
      missing: u.missing,
    };
    if (u.stale) {
      result.stale = true;
      result.problems.push(
        u.measured
          ? `Measured usage is stale (${u.staleReason}); the figures read ${u.measured.measuredAt} are used`
          : `Usage could not be measured (${u.staleReason}); CCF's defaults are used`,
      );
    }
  }
  const grid = intensityForRegion(region, inputs.intensity);
  if (grid) {
    result.gridIntensity = {
      zone: grid.zone,
      kind: grid.kind,
      meanGCo2ePerKwh: grid.meanGCo2ePerKwh,
      hours: grid.points.length,
      source: grid.source,
      readAt: grid.readAt,
      stale: grid.stale,
      staleReason: grid.staleReason,
    };
    if (grid.stale) {
      result.problems.push(
        `Grid intensity of ${grid.zone} is stale (${grid.staleReason}); the last stored hours are used`,
      );
    }
  }
}
