import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { EntityFilter } from '@backstage/plugin-catalog-react';
import {
  PORTFOLIO_STATUSES,
  PortfolioStatus,
} from '@squad-insights/backstage-plugin-squad-insights-common';

/**
 * The catalog query a filter hands the catalog (a filter predicate), as `EntityFilter` types it.
 *
 * @public
 */
export type CatalogQuery = NonNullable<
  ReturnType<NonNullable<EntityFilter['getCatalogQuery']>>
>;

/**
 * What the catalog's compliance filter selects; every part optional, parts combine with AND.
 * With a framework, the status is that framework's status (as on the review page).
 *
 * @public
 */
export interface ComplianceSelection {
  status?: PortfolioStatus;
  /** A framework id of the policy, e.g. `PCI_DSS`. */
  framework?: string;
  /** A tribe's group entity ref; its squads' services. */
  tribe?: string;
}

const PARTS = ['status', 'framework', 'tribe'] as const;

/** True when nothing is selected: the filter then does not constrain the catalog. */
export function isEmptySelection(selection: ComplianceSelection): boolean {
  return PARTS.every(part => !selection[part]);
}

/** The selection as the URL keeps it (`filters[squadInsights]=status:failing&...`). */
export function selectionToQuery(selection: ComplianceSelection): string[] {
  return PARTS.flatMap(part =>
    selection[part] ? [`${part}:${selection[part]}`] : [],
  );
}

/** Reads {@link selectionToQuery} back; parts it does not know are ignored. */
export function selectionFromQuery(value: unknown): ComplianceSelection {
  const selection: ComplianceSelection = {};
  for (const item of [value].flat()) {
    if (typeof item !== 'string') continue;
    const at = item.indexOf(':');
    const [part, text] = [item.slice(0, at), item.slice(at + 1)];
    if (!text) continue;
    if (
      part === 'status' &&
      (PORTFOLIO_STATUSES as readonly string[]).includes(text)
    ) {
      selection.status = text as PortfolioStatus;
    } else if (part === 'framework' || part === 'tribe') {
      selection[part] = text;
    }
  }
  return selection;
}

const key = (ref: string) => ref.toLocaleLowerCase('en');

/**
 * The entities among `refs` as a catalog query: one `$in` over names per kind and namespace,
 * so a long list stays one indexed lookup in the catalog. No refs matches nothing.
 */
export function refsQuery(refs: readonly string[]): CatalogQuery {
  const groups = new Map<
    string,
    { kind: string; namespace: string; names: string[] }
  >();
  for (const ref of refs) {
    const { kind, namespace, name } = parseEntityRef(ref);
    const id = key(`${kind}:${namespace}`);
    const group = groups.get(id) ?? { kind, namespace, names: [] };
    group.names.push(name);
    groups.set(id, group);
  }
  return {
    $any: [...groups.values()].map(g => ({
      kind: g.kind,
      'metadata.namespace': g.namespace,
      'metadata.name': { $in: g.names },
    })),
  };
}

/**
 * A catalog filter on compliance, which the catalog does not store: the services matching
 * the selection are asked of the squad-insights portfolio first, and the catalog is then
 * queried for exactly those, so paging and counts stay the catalog's own.
 *
 * @public
 */
export class ComplianceEntityFilter implements EntityFilter {
  private readonly keys: ReadonlySet<string>;

  constructor(
    readonly selection: ComplianceSelection,
    readonly entityRefs: readonly string[],
  ) {
    this.keys = new Set(entityRefs.map(key));
  }

  getCatalogQuery(): CatalogQuery {
    return refsQuery(this.entityRefs);
  }

  filterEntity(entity: Entity): boolean {
    return this.keys.has(key(stringifyEntityRef(entity)));
  }

  toQueryValue(): string[] {
    return selectionToQuery(this.selection);
  }
}
