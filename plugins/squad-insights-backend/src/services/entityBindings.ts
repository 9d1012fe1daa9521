import type { Entity } from '@backstage/catalog-model';
import {
  bindingProblem,
  FactBinding,
  GroupIdentity,
  SQUAD_INSIGHTS_ANNOTATIONS,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import type {
  BindingDecision,
  StateBindingPolicy,
  TerraformStateReader,
} from '@squad-insights/backstage-plugin-squad-insights-node';
import type { CatalogGroupDirectory } from './CatalogGroupDirectory';

/** The state references of an entity, split by what may be read. */
export interface EntityStateBindings {
  /** `<source-id>:<key>` of the states the entity may bind: the only ones read. */
  references: string[];
  /** Bound by the annotation but refused by the operator's rules: never read, shown stale. */
  refused: Array<{ reference: string; binding: FactBinding }>;
  bindings: FactBinding[];
  problems: string[];
}

/** A decision as the API shows it, with the annotation and value it judged. */
export function factBinding(
  annotation: string,
  value: string,
  decision: BindingDecision,
): FactBinding {
  return decision.allowed
    ? { annotation, value, allowed: true, rule: decision.rule }
    : {
        annotation,
        value,
        allowed: false,
        reason: decision.reason,
        howToAllow: decision.howToAllow,
      };
}

/**
 * Judges the `squad-insights.io/terraform-state` references of an entity: unparseable ones
 * become problems, refused ones problems and refused bindings, the rest references to read.
 */
export function entityStateBindings(
  entity: Entity,
  reader: Pick<TerraformStateReader, 'resolve'>,
  policy: Pick<StateBindingPolicy, 'decideState'>,
): EntityStateBindings {
  const annotation = SQUAD_INSIGHTS_ANNOTATIONS.terraformState;
  const raw = entity.metadata.annotations?.[annotation] ?? '';
  const out: EntityStateBindings = {
    references: [],
    refused: [],
    bindings: [],
    problems: [],
  };
  for (const value of raw
    .split(',')
    .map(v => v.trim())
    .filter(Boolean)) {
    let parsed;
    try {
      parsed = reader.resolve(value);
    } catch (e) {
      out.problems.push(`${annotation}: ${(e as Error).message}`);
      continue;
    }
    const reference = `${parsed.sourceId}:${parsed.key}`;
    const binding = factBinding(
      annotation,
      value,
      policy.decideState(entity, parsed),
    );
    out.bindings.push(binding);
    if (binding.allowed) {
      out.references.push(reference);
    } else {
      out.refused.push({ reference, binding });
      out.problems.push(bindingProblem(binding));
    }
  }
  return out;
}

/**
 * The entity's owning group as Consul meta is compared with it: its ref, and its titles from
 * the catalog's groups when they can be read. Undefined when a user (or nothing) owns it.
 */
export async function owningGroup(
  entity: Entity,
  groups?: Pick<CatalogGroupDirectory, 'list'>,
): Promise<GroupIdentity | undefined> {
  const owner = entity.spec?.owner;
  if (typeof owner !== 'string' || !owner.trim()) return undefined;
  const m = /^(?:([^:/]+):)?(?:([^:/]+)\/)?([^:/]+)$/.exec(owner.trim());
  if (!m || (m[1] && m[1].toLocaleLowerCase('en') !== 'group'))
    return undefined;
  const ref = `group:${m[2] ?? entity.metadata.namespace ?? 'default'}/${
    m[3]
  }`.toLocaleLowerCase('en');
  const known = (await groups?.list())?.find(
    g => g.ref.toLocaleLowerCase('en') === ref,
  );
  return known ?? { ref };
}
