import { groupNameMatches } from '@squad-insights/backstage-plugin-squad-insights-common';
import type { StateReference } from '../terraform/stateReference';
import {
  KeyTemplate,
  matchKeyTemplate,
  PlaceholderValues,
  templatePlaceholders,
} from './keyTemplate';

/**
 * The catalog fields a binding is judged on. Structural, so a full catalog `Entity` fits.
 *
 * @public
 */
export interface BindingEntity {
  kind: string;
  metadata: { name: string; namespace?: string; title?: string };
  spec?: { owner?: unknown; system?: unknown } & Record<string, unknown>;
}

/**
 * Which entities may bind which keys of one Terraform state source, or which service names of
 * Consul: read from a `bindings` config block by `readBindingRules`.
 *
 * @public
 */
export type BindingRules =
  | { mode: 'any'; configPath: string }
  | {
      mode: 'rules';
      /** Where the rules are configured, for the "how to allow" hint. */
      configPath: string;
      templates: KeyTemplate[];
      /** Lower-case entity ref (`component:default/x`) → templates of keys it may bind. */
      entities: Map<string, KeyTemplate[]>;
      /** True when the block was absent: nothing is allowed, and the hint says to add one. */
      unconfigured?: boolean;
    };

/**
 * The outcome of one binding: allowed with the rule that allowed it, or refused with why and
 * what the operator changes to allow it.
 *
 * @public
 */
export type BindingDecision =
  | { allowed: true; rule: string }
  | { allowed: false; reason: string; howToAllow: string };

function refName(ref: unknown, defaultKind: string, namespace: string) {
  if (typeof ref !== 'string' || !ref.trim()) return undefined;
  const m = /^(?:([^:/]+):)?(?:([^:/]+)\/)?([^:/]+)$/.exec(ref.trim());
  if (!m) return undefined;
  return {
    kind: (m[1] ?? defaultKind).toLocaleLowerCase('en'),
    namespace: (m[2] ?? namespace).toLocaleLowerCase('en'),
    name: m[3],
  };
}

/**
 * The placeholder values of an entity: `{namespace}`, `{kind}` (lower case), `{name}`,
 * `{owner}` (the owning Group's name, without kind or namespace; none when a User owns it, so
 * a user named like a squad cannot take the squad's keys) and `{system}` (its name).
 *
 * @public
 */
export function bindingPlaceholderValues(
  entity: BindingEntity,
): PlaceholderValues {
  const namespace = entity.metadata.namespace ?? 'default';
  const owner = refName(entity.spec?.owner, 'group', namespace);
  const system = refName(entity.spec?.system, 'system', namespace);
  return {
    namespace,
    kind: entity.kind.toLocaleLowerCase('en'),
    name: entity.metadata.name,
    owner: owner?.kind === 'group' ? owner.name : undefined,
    system: system?.kind === 'system' ? system.name : undefined,
  };
}

/** `component:default/x`, lower case, as the explicit map's keys are compared. */
export function bindingEntityRef(entity: BindingEntity): string {
  return `${entity.kind}:${entity.metadata.namespace ?? 'default'}/${
    entity.metadata.name
  }`.toLocaleLowerCase('en');
}

/**
 * Decides whether `entity` may bind `key` (a state key or a Consul service name) under `rules`.
 * Pure: the same entity, key and rules always give the same answer. Default deny: a key no
 * template and no map entry of the entity allows is refused.
 *
 * @param what - names the thing bound in messages, e.g. `key "a/b" of Terraform state source "demo"`.
 * @public
 */
export function decideBinding(
  entity: BindingEntity,
  key: string,
  rules: BindingRules,
  what: string,
): BindingDecision {
  if (rules.mode === 'any') return { allowed: true, rule: 'any' };
  const entityRef = bindingEntityRef(entity);
  const values = bindingPlaceholderValues(entity);
  for (const template of rules.entities.get(entityRef) ?? []) {
    if (matchKeyTemplate(template, key, values)) {
      return {
        allowed: true,
        rule: `entities["${entityRef}"] ${template.source}`,
      };
    }
  }
  for (const template of rules.templates) {
    if (matchKeyTemplate(template, key, values)) {
      return { allowed: true, rule: `template ${template.source}` };
    }
  }
  if (rules.unconfigured) {
    return {
      allowed: false,
      reason: `${what} may not be bound by ${entityRef}: no binding rules are configured there`,
      howToAllow: `The operator allows it with ${rules.configPath}: templates over the entity (e.g. ['{name}/terraform.tfstate']), an entities map, or 'any' for a portal of one team.`,
    };
  }
  const missing = [
    ...new Set(
      rules.templates.flatMap(templatePlaceholders).filter(p => !values[p]),
    ),
  ];
  const templates = rules.templates.map(t => t.source);
  const detail = templates.length
    ? `it matches none of the templates ${templates.join(', ')}${
        missing.length
          ? ` (the entity has no ${missing.map(p => `{${p}}`).join(', ')})`
          : ''
      }`
    : 'no template is configured';
  return {
    allowed: false,
    reason: `${what} may not be bound by ${entityRef}: ${detail}`,
    howToAllow: `If ${entityRef} should read it, the operator adds it to ${rules.configPath}.entities["${entityRef}"] or widens ${rules.configPath}.templates.`,
  };
}

/**
 * Decides a `squad-insights.io/terraform-state` reference. A reference with a module fragment
 * (`<src>:<key>#module.x["y"]`) is bound by its key: the fragment only narrows what is read.
 *
 * @public
 */
export function decideStateBinding(
  entity: BindingEntity,
  reference: StateReference,
  rules: BindingRules,
): BindingDecision {
  return decideBinding(
    entity,
    reference.key,
    rules,
    `Key "${reference.key}" of Terraform state source "${reference.sourceId}"`,
  );
}

/**
 * What Consul says about the bound service's owner: its `Service.Meta` value under the policy's
 * team meta key, or nothing when the service is not registered (then nothing can be read).
 *
 * @public
 */
export interface ConsulOwnerEvidence {
  registered: boolean;
  /** The meta key read (the compliance policy's `metaNames.team`, default `team`). */
  metaKey: string;
  metaOwner?: string;
}

/**
 * Decides the Consul service an entity binds (its `squad-insights.io/consul-service`, or its
 * own name). Beyond the name rules, when `requireMatchingOwner` is set a registered service is
 * accepted only when its `Service.Meta` team names the entity's owning group, the way a person
 * would read it (`Payments Squad` is `payments-squad`): otherwise any entity could show and be
 * judged on another team's runtime view.
 *
 * @param owner - the owning group as the catalog knows it (ref, titles); absent when not a group.
 * @public
 */
export function decideConsulBinding(
  entity: BindingEntity,
  serviceName: string,
  rules: BindingRules,
  options: {
    requireMatchingOwner: boolean;
    owner?: { ref: string; names?: readonly string[]; type?: string };
    consul?: ConsulOwnerEvidence;
  },
): BindingDecision {
  const byName = decideBinding(
    entity,
    serviceName,
    rules,
    `Consul service "${serviceName}"`,
  );
  if (
    !byName.allowed ||
    !options.requireMatchingOwner ||
    !options.consul?.registered
  ) {
    return byName;
  }
  const { metaKey, metaOwner } = options.consul;
  const entityRef = bindingEntityRef(entity);
  const howToAllow = `Set Service.Meta "${metaKey}" of "${serviceName}" in Consul to the catalog owner, or (the operator) set ${rules.configPath.replace(
    /\.bindings$/,
    '',
  )}.requireMatchingOwner: false.`;
  if (!options.owner) {
    return {
      allowed: false,
      reason: `Consul service "${serviceName}" may not be bound by ${entityRef}: the entity is not owned by a group, so its owner cannot be compared with Consul's`,
      howToAllow,
    };
  }
  if (!metaOwner?.trim()) {
    return {
      allowed: false,
      reason: `Consul service "${serviceName}" may not be bound by ${entityRef}: its Service.Meta names no owner ("${metaKey}")`,
      howToAllow,
    };
  }
  // The group's type word is optional in Consul too: `Payments` names `payments-squad`.
  if (!groupNameMatches(metaOwner, options.owner, options.owner.type)) {
    return {
      allowed: false,
      reason: `Consul service "${serviceName}" may not be bound by ${entityRef}: Consul says it belongs to "${metaOwner}" (Service.Meta "${metaKey}"), the catalog says ${options.owner.ref}`,
      howToAllow,
    };
  }
  return { allowed: true, rule: `${byName.rule}, owner ${metaOwner}` };
}
