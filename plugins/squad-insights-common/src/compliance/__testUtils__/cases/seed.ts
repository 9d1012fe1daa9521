import { demo, demoProfile, edit, RawResource } from '../service';
import type { Cases } from './types';

/*
 * Checks of the design document's estate: its tag block (Country, Organization, Chapter, Guild),
 * Finansinspektionen's record rules, and the controls a reviewer attests.
 */

const PP = 'payment-processing';

/** The design document's module tags for payment-processing in the demo organisation. */
const SEED_TAGS = {
  Squad: 'Payments Squad',
  Tribe: 'Commerce',
  Chapter: 'Backend Engineering',
  Guild: 'Security Engineering',
  BusinessCapability: 'Payments',
  DataClassification: 'financial',
  ComplianceRequirements: 'GDPR,PCI_DSS,Svenska_Betaltjänstlagen',
  Country: 'Sweden',
  Organization: 'Acme Music AB',
  Environment: 'production',
  ManagedBy: 'Terraform',
};

/** A copy of the demo database carrying `tags` as provider default_tags would (tags and tags_all). */
const db = (tags: Record<string, string> = {}): RawResource =>
  edit(demo(PP, 'module.database.aws_rds_cluster.this'), a => {
    a.tags = { ...SEED_TAGS, ...tags };
    a.tags_all = { ...a.tags };
  });

const financialRecords = {
  ...demoProfile(PP),
  profile: {
    ...demoProfile(PP).profile,
    complianceRequirements: [
      'GDPR',
      'PCI_DSS',
      'Svenska_Betaltjänstlagen',
      'Finansinspektionen',
      'PSD2',
      'AML',
    ],
  },
};

const lifecycle = (days: number | undefined, status = 'Enabled') => ({
  type: 'aws_s3_bucket_lifecycle_configuration',
  name: 'ledger',
  attributes: {
    bucket: 'acme-ledger',
    id: 'acme-ledger',
    rule: [
      {
        id: 'archive',
        status,
        expiration:
          days === undefined
            ? []
            : [{ days, date: '', expired_object_delete_marker: false }],
        transition: [{ days: 90, storage_class: 'GLACIER', date: '' }],
      },
    ],
  },
});

const trail = (validation: boolean) =>
  edit(
    {
      type: 'aws_cloudtrail',
      name: 'audit',
      attributes: {
        name: 'acme-audit',
        arn: 'arn:aws:cloudtrail:eu-north-1:111122223333:trail/acme-audit',
        s3_bucket_name: 'acme-audit-logs',
        is_multi_region_trail: true,
        tags: {},
        tags_all: {},
      },
    },
    a => (a.enable_log_file_validation = validation),
  );

const NOW = Date.parse('2026-12-02T12:00:00Z');
const attestation = (checkId: string, expiresInDays: number) => ({
  checkId,
  statement: 'Tested the runbook end to end on 2026-11-20.',
  evidenceUrl: 'https://wiki.acme-music.example/runbooks/erasure',
  attestedBy: 'user:default/astrid.lindqvist',
  attestedAt: new Date(NOW - 30 * 86_400_000).toISOString(),
  expiresAt: new Date(NOW + expiresInDays * 86_400_000).toISOString(),
});

function attestedCases(checkId: string): Cases[string] {
  const input = (days?: number) => ({
    ...financialRecords,
    now: new Date(NOW),
    attestations: days === undefined ? [] : [attestation(checkId, days)],
  });
  return {
    pass: [
      {
        name: 'attested until next year',
        resources: [db()],
        input: input(300),
      },
      {
        name: 'never attested: awaiting a reviewer',
        resources: [db()],
        input: input(),
        status: 'unknown',
      },
    ],
    fail: [
      { name: 'the attestation expired', resources: [db()], input: input(-1) },
    ],
  };
}

export const SEED_CASES: Cases = {
  'tagging.country': {
    pass: [
      { name: 'Sweden', resources: [db()] },
      { name: 'written in lower case', resources: [db({ Country: 'sweden' })] },
    ],
    fail: [
      {
        name: 'Norway',
        resources: [db({ Country: 'Norway' })],
        address: 'module.database.aws_rds_cluster.this',
      },
    ],
  },
  'tagging.organization': {
    pass: [
      { name: 'Acme Music AB', resources: [db()] },
      {
        name: 'with hyphens',
        resources: [db({ Organization: 'acme-music-ab' })],
      },
    ],
    fail: [
      {
        name: 'another organisation',
        resources: [db({ Organization: 'Svenska Financial AB' })],
      },
    ],
  },
  'ownership.chapter-tag': {
    pass: [
      { name: 'the display name', resources: [db()] },
      {
        name: 'the entity name',
        resources: [db({ Chapter: 'backend-engineering-chapter' })],
      },
    ],
    fail: [
      {
        name: 'another chapter',
        resources: [db({ Chapter: 'Frontend Engineering' })],
        address: 'module.database.aws_rds_cluster.this',
      },
    ],
  },
  'ownership.guild-tag': {
    pass: [{ name: 'Security Engineering', resources: [db()] }],
    fail: [
      {
        name: 'a guild the catalog does not have',
        resources: [db({ Guild: 'Quantum Guild' })],
      },
    ],
  },
  'records.no-automatic-expiry': {
    pass: [
      {
        name: 'archived, never expired',
        resources: [lifecycle(undefined)],
        input: financialRecords,
      },
      {
        name: 'expires after 8 years',
        resources: [lifecycle(2922)],
        input: financialRecords,
      },
      {
        name: 'a disabled rule',
        resources: [lifecycle(30, 'Disabled')],
        input: financialRecords,
      },
      {
        name: 'not a Finansinspektionen service',
        resources: [lifecycle(30)],
        status: 'not-applicable',
      },
    ],
    fail: [
      {
        name: 'expires after a year',
        resources: [lifecycle(365)],
        input: financialRecords,
        address: 'aws_s3_bucket_lifecycle_configuration.ledger',
      },
    ],
  },
  'logging.cloudtrail-log-validation': {
    pass: [{ name: 'validated', resources: [trail(true)] }],
    fail: [
      {
        name: 'no digest files',
        resources: [trail(false)],
        address: 'aws_cloudtrail.audit',
      },
    ],
  },
  'gdpr.erasure': attestedCases('gdpr.erasure'),
  'gdpr.portability': attestedCases('gdpr.portability'),
  'gdpr.anonymisation-after-retention': attestedCases(
    'gdpr.anonymisation-after-retention',
  ),
  'psd2.strong-customer-authentication': attestedCases(
    'psd2.strong-customer-authentication',
  ),
  'aml.transaction-monitoring': attestedCases('aml.transaction-monitoring'),
};
