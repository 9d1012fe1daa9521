import type { CatalogService } from './catalog';
import { Ids } from './ids';
import type { ServiceProfile } from './profiles';
import { AddResource, Ref, StateBuilder } from './state';

/** The newest creation date any resource gets. */
const LAST_CHANGE = '2025-06-30T16:00:00Z';

export type AddSpec = AddResource & {
  /** Adds the squad-model tags as `tags` and `tags_all`. */
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

  /** The tags every taggable resource of the service carries. */
  baseTags(): Record<string, string> {
    return {
      team: this.svc.squad,
      tribe: this.svc.tribe,
      service: this.svc.name,
      'data-classification': this.svc.classification,
      compliance: this.svc.compliance.join(':'),
      environment: 'production',
      'managed-by': 'terraform',
    };
  }

  tagsFor(
    address: string,
    extra: Record<string, string> = {},
  ): Record<string, string> {
    const tags: Record<string, string> = { ...this.baseTags(), ...extra };
    for (const [key, value] of Object.entries(
      this.deviations.tagOverrides?.[address] ?? {},
    )) {
      if (value === null) delete tags[key];
      else tags[key] = value;
    }
    return tags;
  }

  add(spec: AddSpec): Ref {
    const { tagged, extraTags, ...resource } = spec;
    if (tagged) {
      const address = `${spec.module ? `${spec.module}.` : ''}${spec.type}.${
        spec.name
      }`;
      const tags = this.tagsFor(address, extraTags);
      resource.attributes = {
        ...resource.attributes,
        tags,
        tags_all: { ...tags },
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
