import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import type { StateReference } from '../terraform/stateReference';
import {
  BindingDecision,
  BindingEntity,
  BindingRules,
  decideConsulBinding,
  decideStateBinding,
} from './decideBinding';
import { KeyTemplate, parseKeyTemplate } from './keyTemplate';

const SOURCES_PATH = 'squadInsights.terraform.sources';
const CONSUL_PATH = 'squadInsights.consul';

function templateList(value: unknown, at: string): KeyTemplate[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some(v => typeof v !== 'string')) {
    throw new Error(`${at} must be a list of key templates`);
  }
  return value.map((t: string, i) => {
    try {
      return parseKeyTemplate(t);
    } catch (error) {
      throw new Error(
        `Invalid binding template at ${at}[${i}]: ${(error as Error).message}`,
      );
    }
  });
}

/**
 * Reads one `bindings` block: `'any'`, or `{ templates: [...], entities: { '<entity ref>': [...] } }`.
 * Absent gives rules that allow nothing (and say how to configure them). Mistakes throw with the
 * config path, at startup.
 *
 * @param raw - the block's raw value (`config.getOptional('bindings')`): entity refs hold `:` and
 *   `/`, which Backstage's config reader refuses as keys, so the map is read as plain JSON.
 * @public
 */
export function readBindingRules(
  raw: unknown,
  configPath: string,
): BindingRules {
  if (raw === undefined || raw === null) {
    return {
      mode: 'rules',
      configPath,
      templates: [],
      entities: new Map(),
      unconfigured: true,
    };
  }
  if (raw === 'any') return { mode: 'any', configPath };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    throw new Error(
      `${configPath} must be 'any' or an object with templates and/or entities, got ${JSON.stringify(
        raw,
      )}`,
    );
  }
  const { templates, entities, ...unknown } = raw as Record<string, unknown>;
  const extra = Object.keys(unknown);
  if (extra.length) {
    throw new Error(
      `${configPath} has unknown keys ${extra.join(
        ', ',
      )}; use templates and entities`,
    );
  }
  const map = new Map<string, KeyTemplate[]>();
  if (entities !== undefined) {
    if (
      typeof entities !== 'object' ||
      entities === null ||
      Array.isArray(entities)
    ) {
      throw new Error(
        `${configPath}.entities must map entity refs to lists of keys`,
      );
    }
    for (const [ref, keys] of Object.entries(entities)) {
      if (!/^[^:/\s]+:[^:/\s]+\/[^:/\s]+$/.test(ref)) {
        throw new Error(
          `${configPath}.entities key "${ref}" must be a full entity ref, e.g. component:default/payment-processing`,
        );
      }
      map.set(
        ref.toLocaleLowerCase('en'),
        templateList(keys, `${configPath}.entities["${ref}"]`),
      );
    }
  }
  return {
    mode: 'rules',
    configPath,
    templates: templateList(templates, `${configPath}.templates`),
    entities: map,
  };
}

/**
 * Which entities may bind which Terraform states and Consul services, as the operator
 * configured it per source (`squadInsights.terraform.sources[].bindings`) and for Consul
 * (`squadInsights.consul.bindings`, `requireMatchingOwner`). Catalog files are written by
 * anyone; this is what stops a squad from having its service judged on another squad's state.
 *
 * @public
 */
export class StateBindingPolicy {
  static fromConfig(
    config: Config,
    options: {
      logger?: LoggerService;
      /** The `Service.Meta` key naming a service's team: the compliance policy's `metaNames.team`. */
      teamMetaKey?: string;
    } = {},
  ): StateBindingPolicy {
    const sources = new Map<string, BindingRules>();
    (config.getOptionalConfigArray(SOURCES_PATH) ?? []).forEach(
      (entry, index) => {
        const at = `${SOURCES_PATH}[${index}].bindings`;
        const rules = readBindingRules(entry.getOptional('bindings'), at);
        const id = entry.getString('id');
        sources.set(id, rules);
        if (rules.mode === 'rules' && rules.unconfigured) {
          options.logger?.warn(
            `Terraform state source "${id}" has no ${at}: no entity may bind its states until templates, entities or 'any' are configured`,
          );
        }
      },
    );
    const consul = config.getOptionalConfig(CONSUL_PATH);
    const consulRules = consul
      ? readBindingRules(
          consul.getOptional('bindings'),
          `${CONSUL_PATH}.bindings`,
        )
      : undefined;
    if (consulRules?.mode === 'rules' && consulRules.unconfigured) {
      options.logger?.warn(
        `${CONSUL_PATH} has no bindings: no entity may bind a Consul service until templates (e.g. '{name}'), entities or 'any' are configured`,
      );
    }
    return new StateBindingPolicy(
      sources,
      consulRules ?? readBindingRules(undefined, `${CONSUL_PATH}.bindings`),
      consul?.getOptionalBoolean('requireMatchingOwner') ?? true,
      options.teamMetaKey ?? 'team',
    );
  }

  /** Rules given directly (tests, or code that does not read app-config). */
  static create(options: {
    sources: ReadonlyMap<string, BindingRules>;
    consul?: BindingRules;
    requireMatchingOwner?: boolean;
    teamMetaKey?: string;
  }): StateBindingPolicy {
    return new StateBindingPolicy(
      options.sources,
      options.consul ?? readBindingRules(undefined, `${CONSUL_PATH}.bindings`),
      options.requireMatchingOwner ?? true,
      options.teamMetaKey ?? 'team',
    );
  }

  private constructor(
    private readonly sources: ReadonlyMap<string, BindingRules>,
    private readonly consul: BindingRules,
    readonly requireMatchingOwner: boolean,
    /** The `Service.Meta` key read as the service's owner. */
    readonly teamMetaKey: string,
  ) {}

  /** Whether `entity` may bind the state `reference` names (already parsed and validated). */
  decideState(
    entity: BindingEntity,
    reference: StateReference,
  ): BindingDecision {
    const rules =
      this.sources.get(reference.sourceId) ??
      readBindingRules(
        undefined,
        `${SOURCES_PATH}[id=${reference.sourceId}].bindings`,
      );
    return decideStateBinding(entity, reference, rules);
  }

  /**
   * Whether `entity` may bind Consul service `serviceName`; `meta` is the service's merged
   * `Service.Meta` when Consul has it registered.
   */
  decideConsul(
    entity: BindingEntity,
    serviceName: string,
    options: {
      owner?: { ref: string; names?: readonly string[]; type?: string };
      meta?: Readonly<Record<string, string>>;
      registered: boolean;
    },
  ): BindingDecision {
    return decideConsulBinding(entity, serviceName, this.consul, {
      requireMatchingOwner: this.requireMatchingOwner,
      owner: options.owner,
      consul: {
        registered: options.registered,
        metaKey: this.teamMetaKey,
        metaOwner: options.meta?.[this.teamMetaKey],
      },
    });
  }
}
