import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  buildSustainabilityReport,
  daysInMonth,
  GRID_ZONES,
  measuredRenewableShares,
  previousMonth,
  ReportServiceInput,
  SQUAD_INSIGHTS_ANNOTATIONS,
  SQUAD_MODEL_GROUP_TYPES,
  SustainabilityReport,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import type { FootprintStore } from '../database/FootprintStore';
import type { UsageStore } from '../database/UsageStore';
import type { FootprintService } from './FootprintService';
import { parseReportQuery, ReportQuery } from './reportQuery';

type Catalog = typeof catalogServiceRef.T;

/** Where services without a tribe are counted in the organisation's report. */
export const NO_TRIBE = 'no tribe';

/**
 * Builds the monthly sustainability report of a tribe or of the organisation from the stored
 * footprint history and today's estimates. Every catalog read uses the caller's credentials,
 * so the report holds only the services the catalog shows the caller, as the portfolio does.
 *
 * @public
 */
export class SustainabilityReportService {
  static create(options: {
    catalog: Catalog;
    footprints: Pick<FootprintService, 'getEntityFootprint'>;
    history: Pick<FootprintStore, 'getHistory'>;
    /** The stored hourly grid series; without it the report uses the yearly averages. */
    intensity?: Pick<UsageStore, 'getIntensity'>;
    now?: () => Date;
  }) {
    return new SustainabilityReportService(
      options,
      options.now ?? (() => new Date()),
    );
  }

  private constructor(
    private readonly deps: {
      catalog: Catalog;
      footprints: Pick<FootprintService, 'getEntityFootprint'>;
      history: Pick<FootprintStore, 'getHistory'>;
      intensity?: Pick<UsageStore, 'getIntensity'>;
    },
    private readonly now: () => Date,
  ) {}

  /** Checks a query-string request against this service's clock (a month must have begun). */
  parseQuery(
    raw: Record<string, unknown>,
    accepted?: 'json' | 'csv',
  ): ReportQuery {
    return parseReportQuery(raw, this.now(), accepted);
  }

  async getReport(
    query: { month: string; tribe?: string },
    { credentials }: { credentials: BackstageCredentials },
  ): Promise<SustainabilityReport> {
    const { scope, services } = query.tribe
      ? await this.tribeServices(query.tribe, credentials)
      : await this.organisationServices(credentials);
    const inputs: ReportServiceInput[] = [];
    for (const s of services) {
      inputs.push(
        await this.serviceInput(s.entityRef, s.group, query.month, credentials),
      );
    }
    return buildSustainabilityReport({
      month: query.month,
      scope,
      services: inputs,
      generatedAt: this.now().toISOString(),
      renewableShares: await this.renewableShares(query.month),
    });
  }

  /** Measured renewable shares of the month, by region; undefined when none were read. */
  private async renewableShares(month: string) {
    if (!this.deps.intensity) return undefined;
    const [y, m] = month.split('-').map(Number);
    const monthEnd = new Date(
      Math.min(Date.UTC(y, m, 1), this.now().getTime()),
    );
    const zones = [...new Set(GRID_ZONES.map(z => z.zone))];
    const series = await this.deps.intensity.getIntensity(
      zones,
      monthEnd,
      daysInMonth(month),
    );
    return measuredRenewableShares(series, month);
  }

  private async serviceInput(
    entityRef: string,
    group: string,
    month: string,
    credentials: BackstageCredentials,
  ): Promise<ReportServiceInput> {
    // The month and the one before it, read back from the month's last day.
    const [y, m] = month.split('-').map(Number);
    const lastDay = new Date(Date.UTC(y, m, 0));
    const days = daysInMonth(month) + daysInMonth(previousMonth(month));
    const history = await this.deps.history.getHistory(
      entityRef,
      days,
      lastDay,
    );
    try {
      const fp = await this.deps.footprints.getEntityFootprint(
        parseEntityRef(entityRef),
        { credentials },
      );
      return {
        entityRef,
        group,
        history,
        footprint: fp.footprint,
        advice: fp.advice,
      };
    } catch {
      // One service whose estimate fails must not sink the report: it keeps its history and
      // shows as not estimated today.
      return { entityRef, group, history };
    }
  }

  private async tribeServices(
    tribe: string,
    credentials: BackstageCredentials,
  ) {
    const entity = await this.deps.catalog.getEntityByRef(tribe, {
      credentials,
    });
    if (!entity || entity.kind !== 'Group') {
      throw new InputError(
        `tribe ${tribe} is not a group the catalog shows you`,
      );
    }
    if (entity.spec?.type !== SQUAD_MODEL_GROUP_TYPES.tribe) {
      throw new InputError(
        `tribe ${tribe} is a group of type ${String(
          entity.spec?.type ?? 'none',
        )}, not a tribe`,
      );
    }
    const { items: squads } = await this.deps.catalog.getEntities(
      {
        filter: { kind: 'Group', 'relations.childOf': tribe },
        fields: ['kind', 'metadata'],
      },
      { credentials },
    );
    const owners = [tribe, ...squads.map(e => stringifyEntityRef(e))];
    const components = await this.components(
      { 'relations.ownedBy': owners },
      credentials,
    );
    return {
      scope: { kind: 'tribe' as const, ref: tribe, title: titleOf(entity) },
      // In a tribe's report each service counts under its squad (or the tribe itself).
      services: components.map(c => ({
        entityRef: stringifyEntityRef(c),
        group: ownerIn(c, owners) ?? tribe,
      })),
    };
  }

  private async organisationServices(credentials: BackstageCredentials) {
    const [{ items: tribes }, { items: squads }] = await Promise.all([
      this.deps.catalog.getEntities(
        {
          filter: { kind: 'Group', 'spec.type': SQUAD_MODEL_GROUP_TYPES.tribe },
          fields: ['kind', 'metadata'],
        },
        { credentials },
      ),
      this.deps.catalog.getEntities(
        {
          filter: { kind: 'Group', 'spec.type': SQUAD_MODEL_GROUP_TYPES.squad },
          fields: ['kind', 'metadata', 'relations'],
        },
        { credentials },
      ),
    ]);
    const tribeOf = new Map<string, string>();
    for (const t of tribes)
      tribeOf.set(stringifyEntityRef(t), stringifyEntityRef(t));
    for (const s of squads) {
      const parent = s.relations?.find(r => r.type === 'childOf')?.targetRef;
      if (parent && tribeOf.has(parent))
        tribeOf.set(stringifyEntityRef(s), parent);
    }
    // Every service Squad Insights reads state for, whether or not a tribe owns it.
    const components = await this.components(
      {
        [`metadata.annotations.${SQUAD_INSIGHTS_ANNOTATIONS.terraformState}`]:
          CATALOG_FILTER_EXISTS,
      },
      credentials,
    );
    return {
      scope: { kind: 'organisation' as const, title: 'Organisation' },
      services: components.map(c => ({
        entityRef: stringifyEntityRef(c),
        group: tribeOf.get(ownerIn(c) ?? '') ?? NO_TRIBE,
      })),
    };
  }

  private async components(
    filter: Record<string, string | string[] | symbol>,
    credentials: BackstageCredentials,
  ) {
    const { items } = await this.deps.catalog.getEntities(
      {
        filter: { kind: 'Component', ...filter },
        fields: ['kind', 'metadata', 'relations'],
      },
      { credentials },
    );
    return items;
  }
}

function ownerIn(entity: Entity, owners?: string[]): string | undefined {
  return entity.relations?.find(
    r => r.type === 'ownedBy' && (!owners || owners.includes(r.targetRef)),
  )?.targetRef;
}

function titleOf(entity: Entity): string {
  return entity.metadata.title ?? entity.metadata.name;
}
