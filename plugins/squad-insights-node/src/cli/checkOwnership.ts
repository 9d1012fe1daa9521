/*
 * Who owns the service, for `check`, without a portal: the Component's `spec.owner`, and — when
 * `--catalog` gives the organisation's Group files — the owner's titles, its tribe (the Group's
 * `spec.parent`), the declared chapter and guild, and every group, so that tags naming groups by
 * their display names match, and a tag naming no group at all says so.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { Entity } from '@backstage/catalog-model';
import {
  EvaluationInput,
  findGroupsNamed,
  GroupIdentity,
  groupIdentityOf,
  ServiceProfile,
} from '@squad-insights/backstage-plugin-squad-insights-common';

/** Every Group entity of the given catalog files. Bad YAML names the file and line. */
export async function readCatalogGroups(
  files: readonly string[],
): Promise<Entity[]> {
  const groups: Entity[] = [];
  for (const file of files) {
    const text = await readFile(resolve(file), 'utf8').catch(() => {
      throw new Error(`--catalog ${file}: no such file`);
    });
    for (const doc of parseAllDocuments(text)) {
      if ('errors' in doc && doc.errors.length) {
        throw new Error(
          `--catalog ${file}: ${doc.errors[0].message.split('\n')[0]}`,
        );
      }
      const value = doc.toJS() as Entity | null;
      if (value?.kind === 'Group' && typeof value.metadata?.name === 'string')
        groups.push(value);
    }
  }
  return groups;
}

/**
 * The evaluation's ownership and group directory. `tribe` (`--tribe`) is a name or title; it wins
 * over the owner's parent in the catalog files.
 */
export function checkOwnership(options: {
  owner?: string;
  tribe?: string;
  profile: ServiceProfile;
  groups: readonly Entity[];
}): Pick<EvaluationInput, 'ownership' | 'groups'> {
  const { owner, tribe, profile, groups } = options;
  const bare = owner?.replace(/^(group:)?([^/]+\/)?/, '');
  // Without catalog files the annotations' own values stand for the chapter and guild.
  if (!groups.length)
    return {
      ownership: {
        squad: bare,
        tribe,
        chapter: profile.chapter,
        guild: profile.guild,
      },
    };

  const identities = groups.map(groupIdentityOf);
  const byName = new Map(
    groups.map((g, i) => [g.metadata.name, identities[i]]),
  );
  const squad = bare ? byName.get(bare) ?? { ref: bare } : undefined;
  const parent = bare
    ? groups.find(g => g.metadata.name === bare)?.spec?.parent
    : undefined;
  const named = (
    value: string | undefined,
    type: string,
  ): GroupIdentity | undefined =>
    value
      ? findGroupsNamed(value, identities, type)[0] ?? { ref: value, type }
      : undefined;
  const parentGroup =
    typeof parent === 'string'
      ? byName.get(parent.replace(/^(group:)?([^/]+\/)?/, ''))
      : undefined;
  return {
    ownership: {
      squad,
      tribe: tribe ? named(tribe, 'tribe') : parentGroup,
      chapter: named(profile.chapter, 'chapter'),
      guild: named(profile.guild, 'guild'),
    },
    groups: identities,
  };
}
