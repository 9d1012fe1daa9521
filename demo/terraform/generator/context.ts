import type { CatalogService } from './catalog';
import { Ids } from './ids';
import type { ServiceProfile } from './profiles';
import { AddResource, Ref, StateBuilder } from './state';

/** The newest creation date any resource gets. */
const LAST_CHANGE = '2025-06-30T16:00:00Z';

export type AddSpec = AddResource & {
  /** Tags the resource as the services' Terraform does (see {@link ServiceContext.add}). */
  tagged?: boolean;
  extraTags?: Record<string, string>;
};

/** One service's state under construction: catalog facts, profile, ids and the builder. */
export class ServiceContext {
  readonly ids: Ids;
  readonly state = new StateBuilder();

  constructor(readonly svc: CatalogService, readonly profile: ServiceProfile) {
    this.ids = new Ids(`acme-music/${svc.name}`);
  }

  get name(): string {
    return this.svc.name;
  }

  get deviations() {
    return this.profile.deviations ?? {};
  }

  /**
   * The organisation's tag block (the design document's eleven tags, display names as values),
   * which the stacks set as the AWS provider's `default_tags`.
   */
  defaultTags(): Record<string, string> {
    const names = this.svc.displayNames;
    return {
      Squad: names.squad,
      Tribe: names.tribe,
      Chapter: names.chapter,
      Guild: names.guild,
      BusinessCapability: names.businessCapability,
      DataClassification: this.svc.classification,
      ComplianceRequirements: this.svc.compliance.join(','),
      Country: 'Sweden',
      Organization: names.organization,
      Environment: 'production',
      ManagedBy: 'Terraform',
    };
  }

  /**
   * `tags` and `tags_all` of a taggable resource as the AWS provider (v5) writes them: `tags`
   * is what the configuration sets on the resource, `tags_all` is that merged over the
   * provider's `default_tags`. The stacks' modules pass the tag block to their resources as well
   * (the design's `tags` input), so module resources have it in both; root-module resources set
   * only their own tags and carry the block through `tags_all` alone. A deviation's overrides
   * apply to both, as a resource that really lost or changed a tag shows it.
   */
  tagsFor(
    address: string,
    inModule: boolean,
    extra: Record<string, string> = {},
  ): { tags: Record<string, string>; tags_all: Record<string, string> } {
    const own: Record<string, string> = {
      ...(inModule ? this.defaultTags() : {}),
      Service: this.svc.name,
      ...extra,
    };
    const all: Record<string, string> = { ...this.defaultTags(), ...own };
    for (const [key, value] of Object.entries(
      this.deviations.tagOverrides?.[address] ?? {},
    )) {
      for (const tags of [own, all]) {
        if (value === null) delete tags[key];
        else tags[key] = value;
      }
    }
    return { tags: own, tags_all: all };
  }

  add(spec: AddSpec): Ref {
    const { tagged, extraTags, ...resource } = spec;
    if (tagged) {
      const address = `${spec.module ? `${spec.module}.` : ''}${spec.type}.${
        spec.name
      }`;
      resource.attributes = {
        ...resource.attributes,
        ...this.tagsFor(address, !!spec.module, extraTags),
      };
    }
    return this.state.add(resource);
  }

  /** A creation timestamp between the stack's first apply and the last change. */
  created(purpose: string): string {
    return this.ids.timestamp(
      `created/${purpose}`,
      `${this.profile.since}T08:00:00Z`,
      LAST_CHANGE,
    );
  }
}
