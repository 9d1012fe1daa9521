import type { Entity } from '@backstage/catalog-model';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { repoRoot } from './paths';

/** The demo organisation's groups and users (demo/catalog/org.yaml), as the portal loads them. */
export function demoOrganisation(): Entity[] {
  const text = readFileSync(resolve(repoRoot, 'demo/catalog/org.yaml'), 'utf8');
  return parseAllDocuments(text)
    .map(doc => doc.toJS() as Entity | null)
    .filter((e): e is Entity => Boolean(e?.kind));
}

/**
 * The demo organisation where one squad keeps its services in its own Terraform repository
 * (the template's second mode), named by the squad annotations the ownership action reads.
 */
export function demoOrganisationWithIacRepository(
  squad: string,
  annotations: Record<string, string>,
): Entity[] {
  return demoOrganisation().map(entity =>
    entity.kind === 'Group' && entity.metadata.name === squad
      ? {
          ...entity,
          metadata: {
            ...entity.metadata,
            annotations: { ...entity.metadata.annotations, ...annotations },
          },
        }
      : entity,
  );
}
