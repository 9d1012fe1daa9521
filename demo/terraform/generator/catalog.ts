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
  squad: string;
  tribe: string;
  classification: DataClassification;
  compliance: ComplianceRequirement[];
  /** 7 for financial or PCI DSS services, else 3 — the product's own rule. */
  retentionYears: number;
  /** The same period in days (2557 / 1096), as CloudWatch and S3 lifecycle rules take it. */
  retentionDays: number;
}

interface Entity {
  kind: string;
  metadata: { name: string; annotations?: Record<string, string> };
  spec?: { owner?: string; parent?: string; type?: string };
}

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
    const squad = (e.spec?.owner ?? '').replace(/^group:(default\/)?/, '');
    const tribe = groups.get(squad)?.spec?.parent;
    if (!tribe || groups.get(tribe)?.spec?.type !== 'tribe') {
      throw new Error(
        `${e.metadata.name}: owner ${squad} has no tribe in org.yaml`,
      );
    }
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
      classification,
      compliance,
      retentionYears: years,
      retentionDays: retentionDays(years),
    });
  }
  return services;
}
