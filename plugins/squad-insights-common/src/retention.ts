import type {
  ComplianceRequirement,
  DataClassification,
} from './classification';

/**
 * Record-keeping rule: services with financial data or under PCI DSS keep records 7 years
 * (Swedish bookkeeping law, PCI DSS audit trails); everything else 3 years. This one function is
 * what the backend's checks, the CLI and the squad template all call, so the rule has a
 * single definition.
 *
 * @public
 */
export function recordRetentionYears(options: {
  dataClassification?: DataClassification;
  complianceRequirements: readonly ComplianceRequirement[];
}): number {
  const financial =
    options.dataClassification === 'financial' ||
    options.complianceRequirements.includes('PCI_DSS');
  return financial ? 7 : 3;
}

/** Days in a retention period of whole years, as CloudWatch and Kafka settings need. @public */
export function retentionDays(years: number): number {
  return Math.ceil(years * 365.25);
}
