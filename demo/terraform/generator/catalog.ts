import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import {
  recordRetentionYears,
  retentionDays,
} from '../../../plugins/squad-insights-common/src/retention';
import type {
  ComplianceRequirement,
  DataClassification,
} from '../../../plugins/squad-insights-common/src/classification';

/** What the states need to know about a service, read from the demo catalog. */
export interface CatalogService {
  name: string;
  /** Entity names of the owning squad and its tribe (`payments-squad`, `commerce-tribe`). */
  squad: string;
  tribe: string;
  /**
   * What the tags say, as people write them: the groups' display names (`Payments Squad`,
   * `Commerce`, `Backend Engineering`, `Security Engineering`), the organisation's name and the
   * service's business capability.
   */
  displayNames: {
    squad: string;
    tribe: string;
    chapter: string;
    guild: string;
    organization: string;
    businessCapability: string;
  };
  classification: DataClassification;
  compliance: ComplianceRequirement[];
  /** 7 for financial or PCI DSS services, else 3 — the product's own rule. */
  retentionYears: number;
  /** The same period in days (2557 / 1096), as CloudWatch and S3 lifecycle rules take it. */
  retentionDays: number;
}

interface Entity {
  kind: string;
  metadata: {
    name: string;
    title?: string;
    annotations?: Record<string, string>;
  };
  spec?: {
    owner?: string;
    parent?: string;
    type?: string;
    profile?: { displayName?: string };
  };
}

/** A group's name as people write it: its title, else its profile's display name. */
function displayName(group: Entity): string {
  return (
    group.metadata.title ??
    group.spec?.profile?.displayName ??
    group.metadata.name
  );
}

const bareName = (ref: string) => ref.replace(/^group:(default\/)?/, '');

function readEntities(file: string): Entity[] {
  return parseAllDocuments(readFileSync(file, 'utf8'))
    .map(doc => doc.toJS() as Entity | null)
    .filter((e): e is Entity => !!e);
}

export function loadCatalog(catalogDir: string): Map<string, CatalogService> {
  const groups = new Map(
    readEntities(`${catalogDir}/org.yaml`)
      .filter(e => e.kind === 'Group')
      .map(e => [e.metadata.name, e]),
  );
  const services = new Map<string, CatalogService>();
  for (const e of readEntities(`${catalogDir}/services.yaml`)) {
    if (e.kind !== 'Component') continue;
    const annotations = e.metadata.annotations ?? {};
    const squad = bareName(e.spec?.owner ?? '');
    const tribe = groups.get(squad)?.spec?.parent;
    if (!tribe || groups.get(tribe)?.spec?.type !== 'tribe') {
      throw new Error(
        `${e.metadata.name}: owner ${squad} has no tribe in org.yaml`,
      );
    }
    const group = (ref: string | undefined, type: string, what: string) => {
      const found = ref ? groups.get(bareName(ref)) : undefined;
      if (found?.spec?.type !== type) {
        throw new Error(
          `${e.metadata.name}: ${what} ${
            ref ?? '(none)'
          } is not a ${type} in org.yaml`,
        );
      }
      return found;
    };
    const tribeGroup = group(tribe, 'tribe', 'tribe');
    const organization = group(
      tribeGroup.spec?.parent,
      'organization',
      `parent of ${tribe}`,
    );
    const classification = annotations[
      'squad-insights.io/data-classification'
    ] as DataClassification;
    const compliance = (
      annotations['squad-insights.io/compliance-requirements'] ?? ''
    )
      .split(',')
      .map(s => s.trim())
      .filter(Boolean) as ComplianceRequirement[];
    const years = recordRetentionYears({
      dataClassification: classification,
      complianceRequirements: compliance,
    });
    services.set(e.metadata.name, {
      name: e.metadata.name,
      squad,
      tribe,
      displayNames: {
        squad: displayName(groups.get(squad)!),
        tribe: displayName(tribeGroup),
        chapter: displayName(
          group(annotations['squad-insights.io/chapter'], 'chapter', 'chapter'),
        ),
        guild: displayName(
          group(annotations['squad-insights.io/guild'], 'guild', 'guild'),
        ),
        organization: displayName(organization),
        businessCapability:
          annotations['squad-insights.io/business-capability'] ?? '',
      },
      classification,
      compliance,
      retentionYears: years,
      retentionDays: retentionDays(years),
    });
  }
  return services;
}
