import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  DEFAULT_IAC_STATE_SOURCE,
  SQUAD_GROUP_ANNOTATIONS as A,
} from './annotations';

/** A group as the template's later steps need it. */
export interface GroupSummary {
  ref: string;
  name: string;
  title: string;
}

/** The squad's Terraform repository with the services map, and where its state is read. */
export interface IacRepository {
  owner: string;
  repo: string;
  path: string;
  /** The service's state: the shared state, and its module instance when the service is known. */
  stateReference: string;
  /** The module block that runs over the services map, e.g. `module.squad_microservice`. */
  module: string;
}

/** Contacts of a squad: comma-separated user or group refs, or emails. */
export interface Contacts {
  technical?: string;
  business?: string;
  onCall?: string;
}

export function summarize(group: Entity): GroupSummary {
  const profile = (group.spec?.profile ?? {}) as { displayName?: string };
  return {
    ref: stringifyEntityRef(group),
    name: group.metadata.name,
    title: group.metadata.title ?? profile.displayName ?? group.metadata.name,
  };
}

/**
 * The group's GitHub team slug. The GitHub org provider writes `<org>/<slug>`; GitHub's team
 * endpoints take the slug alone.
 */
export function githubTeamOf(group: Entity): string {
  const annotation = group.metadata.annotations?.[A.githubTeam]?.trim();
  if (!annotation) return group.metadata.name;
  return annotation.slice(annotation.lastIndexOf('/') + 1);
}

function annotationError(group: Entity, annotation: string, message: string) {
  return new InputError(
    `Annotation ${annotation} of ${stringifyEntityRef(group)} ${message}`,
  );
}

// GitHub owner and repository names; a relative path to a .tf file without `..` segments.
const IAC_REPOSITORY =
  /^([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)\/([A-Za-z0-9._-]+):([^/].*\.tf)$/;
const SOURCE_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

const MODULE_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * Reads the squad's IaC repository annotations; undefined when the squad has none. With
 * `service`, the state reference selects that service's instance of the services-map module,
 * so the portal judges the service by its own resources, not its neighbours'.
 */
export function iacRepositoryOf(
  squad: Entity,
  service?: string,
): IacRepository | undefined {
  const annotations = squad.metadata.annotations ?? {};
  const raw = annotations[A.iacRepository]?.trim();
  if (!raw) return undefined;
  const match = IAC_REPOSITORY.exec(raw);
  if (!match || match[3].split('/').includes('..')) {
    throw annotationError(
      squad,
      A.iacRepository,
      `is "${raw}"; expected <owner>/<repo>:<path to the .tf file with the services map>, e.g. acme-music/commerce-infra:services/main.tf`,
    );
  }
  const [, owner, repo, path] = match;
  const source =
    annotations[A.iacStateSource]?.trim() || DEFAULT_IAC_STATE_SOURCE;
  if (!SOURCE_ID.test(source)) {
    throw annotationError(
      squad,
      A.iacStateSource,
      `is "${source}"; expected the id of a configured Terraform state source, e.g. ${DEFAULT_IAC_STATE_SOURCE}`,
    );
  }
  // The root module is the folder of the .tf file; its state sits next to it in the source.
  const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
  const key =
    annotations[A.iacStateKey]?.trim() ||
    [repo, folder, 'terraform.tfstate'].filter(Boolean).join('/');
  const moduleName = annotations[A.iacModule]?.trim() || 'squad_microservice';
  if (!MODULE_NAME.test(moduleName)) {
    throw annotationError(
      squad,
      A.iacModule,
      `is "${moduleName}"; expected the name of a module block, e.g. squad_microservice`,
    );
  }
  const module = `module.${moduleName}`;
  const instance = service ? `#${module}[${JSON.stringify(service)}]` : '';
  return {
    owner,
    repo,
    path,
    stateReference: `${source}:${key}${instance}`,
    module,
  };
}

/** One contact: an email as written, a user or group ref in its full form. */
function contactEntry(squad: Entity, annotation: string, raw: string): string {
  // An email has an "@" and is not an entity ref (which may not contain one).
  if (/^[^\s@:/]+@[^\s@:/]+\.[^\s@:/]+$/.test(raw)) return raw;
  try {
    const ref = parseEntityRef(raw, {
      defaultKind: 'user',
      defaultNamespace: squad.metadata.namespace,
    });
    const kind = ref.kind.toLocaleLowerCase('en-US');
    if ((kind === 'user' || kind === 'group') && !/[\s,]/.test(ref.name))
      return stringifyEntityRef(ref);
  } catch {
    // Reported below, with what was expected.
  }
  throw annotationError(
    squad,
    annotation,
    `has "${raw}"; expected user or group refs (e.g. user:default/maja.eriksson) or emails, separated by commas`,
  );
}

/** A contact annotation: one or more comma-separated contacts, kept as one string. */
function contact(squad: Entity, annotation: string): string | undefined {
  const entries = (squad.metadata.annotations?.[annotation] ?? '')
    .split(',')
    .map(entry => entry.trim())
    .filter(Boolean);
  if (!entries.length) return undefined;
  return entries
    .map(entry => contactEntry(squad, annotation, entry))
    .join(', ');
}

/** The squad's contacts; each falls back to the squad's profile email. */
export function contactsOf(squad: Entity): Contacts {
  const email = (squad.spec?.profile as { email?: string } | undefined)?.email;
  const contacts: Contacts = {};
  const technical = contact(squad, A.technicalContact) ?? email;
  const business = contact(squad, A.businessContact) ?? email;
  const onCall = contact(squad, A.onCall) ?? email;
  if (technical) contacts.technical = technical;
  if (business) contacts.business = business;
  if (onCall) contacts.onCall = onCall;
  return contacts;
}
