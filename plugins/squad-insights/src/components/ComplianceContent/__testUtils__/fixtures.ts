import {
  defaultPolicy,
  readServiceProfile,
  resolveApplicability,
  type CheckResult,
  type EntityComplianceResponse,
  type ReviewResponse,
  type ServiceProfileResponse,
  type WaiverResponse,
} from '@squad-insights/backstage-plugin-squad-insights-common';

/** The demo's payment-processing service, as the catalog holds it. */
export const paymentProcessing = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'payment-processing',
    namespace: 'default',
    title: 'Payment Processing',
    annotations: {
      'squad-insights.io/data-classification': 'financial',
      'squad-insights.io/compliance-requirements':
        'GDPR,PCI_DSS,Svenska_Betaltjänstlagen',
      'squad-insights.io/terraform-state':
        'demo:payment-processing/terraform.tfstate',
    },
  },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/payments-squad',
  },
};

export const STATE = 'demo:payment-processing/terraform.tfstate';

const score = (
  s: number | null,
  passed: number,
  failed: number,
  waived = 0,
  unknown = 0,
) => ({
  score: s,
  passed,
  failed,
  waived,
  unknown,
  notApplicable: 9,
});

// Shaped as `squad-insights check --format json` reports the demo state with the catalog
// owner changed to another squad: the Terraform tags still name payments-squad.
export const teamTagDrift: CheckResult = {
  checkId: 'ownership.team-tag',
  title: "The team tag names the catalog's owning squad",
  severity: 'high',
  status: 'fail',
  frameworks: ['baseline'],
  controls: ['baseline/ownership'],
  remediation: 'Fix the tag, or the catalog owner if the service really moved.',
  evidence: [
    {
      address: 'aws_kms_key.main',
      attribute: 'tags.team',
      actual: 'payments-squad',
      expected: '= subscriptions-squad (catalog squad)',
      source: STATE,
      serial: 389,
      note: 'ownership drift',
    },
  ],
};

export const rdsUnencrypted: CheckResult = {
  checkId: 'encryption.rds-storage',
  title: 'Databases are encrypted at rest',
  severity: 'critical',
  status: 'fail',
  frameworks: ['baseline', 'GDPR', 'PCI_DSS', 'Svenska_Betaltjänstlagen'],
  controls: [
    'baseline/encryption',
    'GDPR/Art.32',
    'PCI_DSS/Req.3',
    'Svenska_Betaltjänstlagen/security',
  ],
  remediation:
    'Set storage_encrypted = true with a customer KMS key (requires a snapshot restore for existing instances).',
  evidence: [
    {
      address: 'module.database.aws_rds_cluster.this',
      attribute: 'storage_encrypted',
      actual: false,
      expected: '= true',
      source: STATE,
      serial: 389,
    },
  ],
};

const passing = (
  checkId: string,
  title: string,
  controls: string[],
): CheckResult => ({
  checkId,
  title,
  severity: 'medium',
  status: 'pass',
  frameworks: ['baseline', 'PCI_DSS'],
  controls,
  remediation: '',
  evidence: [],
});

export const compliance: EntityComplianceResponse = {
  entityRef: 'component:default/payment-processing',
  evaluatedAt: '2026-11-26T06:00:00.000Z',
  stale: false,
  problems: [],
  policy: { name: 'squad-insights-default', version: '1' },
  // What the backend would answer: the default policy's parameters as they apply to the service.
  parameters: resolveApplicability(
    defaultPolicy(),
    readServiceProfile(paymentProcessing).profile,
  ).parameters,
  score: score(0.82, 27, 2, 0, 1),
  frameworks: [
    {
      id: 'baseline',
      title: 'Baseline',
      applies: true,
      reason: 'every service',
      score: score(0.8, 24, 2),
    },
    {
      id: 'PCI_DSS',
      title: 'PCI DSS',
      applies: true,
      reason: 'declares PCI_DSS',
      score: score(0.76, 15, 1),
    },
    {
      id: 'Copyright_Law',
      title: 'Copyright law',
      applies: false,
      reason: 'not declared',
      score: score(null, 0, 0),
    },
  ],
  checks: [
    rdsUnencrypted,
    teamTagDrift,
    passing(
      'encryption.kms-rotation',
      'Symmetric KMS keys rotate automatically',
      ['baseline/encryption', 'PCI_DSS/Req.3'],
    ),
    {
      checkId: 'runtime.consul-owner',
      title: "Consul meta names the catalog's owning squad",
      severity: 'high',
      status: 'unknown',
      frameworks: ['baseline'],
      controls: ['baseline/ownership', 'baseline/runtime'],
      reason: 'Consul was not read for this service',
      remediation: 'Fix the team in Service.Meta.',
      evidence: [],
    },
  ],
};

export const profile: ServiceProfileResponse = {
  entityRef: 'component:default/payment-processing',
  profile: {
    businessCapability: 'Payments',
    dataClassification: 'financial',
    complianceRequirements: ['GDPR', 'PCI_DSS', 'Svenska_Betaltjänstlagen'],
    chapter: 'backend-engineering-chapter',
    guild: 'security-engineering-guild',
    terraformStates: [STATE],
    consulService: 'payment-processing',
    recordRetentionYears: 7,
  },
  problems: [],
  ownership: {
    squad: {
      entityRef: 'group:default/payments-squad',
      title: 'Payments Squad',
      type: 'squad',
    },
    tribe: {
      entityRef: 'group:default/commerce-tribe',
      title: 'Commerce',
      type: 'tribe',
    },
    chapter: {
      entityRef: 'group:default/backend-engineering-chapter',
      title: 'Backend Engineering',
      type: 'chapter',
    },
    guild: {
      entityRef: 'group:default/security-engineering-guild',
      title: 'Security Engineering',
      type: 'guild',
    },
  },
  contacts: {
    technical: [
      {
        entityRef: 'user:default/maja.eriksson',
        title: 'Maja Eriksson',
        email: 'maja.eriksson@acme-music.example',
        source: 'annotation',
      },
    ],
    business: [
      {
        entityRef: 'group:default/payments-squad',
        title: 'Payments Squad',
        email: 'payments-squad@acme-music.example',
        source: 'squad-email',
      },
    ],
    onCall: [
      {
        entityRef: 'user:default/johan.karlsson',
        title: 'Johan Karlsson',
        email: 'johan.karlsson@acme-music.example',
        source: 'annotation',
      },
    ],
  },
};

export const activeWaiver: WaiverResponse = {
  id: '6f0c2a8e-1b7d-4c1e-9f4e-2d6a3b9c8e11',
  entityRef: 'component:default/payment-processing',
  checkId: 'logging.s3-access-logs',
  justification:
    'Access logging moves to the central log bucket in Q1; the bucket holds no card data.',
  grantedBy: 'user:default/karin.nilsson',
  grantedAt: '2026-11-01T09:30:00.000Z',
  expiresAt: '2026-12-08T09:30:00.000Z',
  status: 'active',
};

export const revokedWaiver: WaiverResponse = {
  id: '0b1e5d0c-7a43-4d8f-8d9e-71a2f3c4b5d6',
  entityRef: 'component:default/payment-processing',
  checkId: 'backup.rds-retention',
  justification: 'Migration window.',
  grantedBy: 'user:default/karin.nilsson',
  grantedAt: '2026-09-01T08:00:00.000Z',
  expiresAt: '2026-12-31T08:00:00.000Z',
  revokedBy: 'user:default/karin.nilsson',
  revokedAt: '2026-10-15T12:00:00.000Z',
  revokeReason: 'Migration done',
  status: 'revoked',
};

export const olderReview: ReviewResponse = {
  id: '3',
  entityRef: 'component:default/payment-processing',
  reviewer: 'user:default/karin.nilsson',
  decision: 'changes_requested',
  comment: 'Encrypt the Aurora cluster before the PCI audit.',
  createdAt: '2026-10-01T10:00:00.000Z',
  snapshot: {
    ...compliance,
    evaluatedAt: '2026-10-01T09:58:00.000Z',
    score: score(0.61, 22, 4),
    frameworks: [
      {
        id: 'baseline',
        title: 'Baseline',
        applies: true,
        reason: 'every service',
        score: score(0.64, 20, 3),
      },
      {
        id: 'PCI_DSS',
        title: 'PCI DSS',
        applies: true,
        reason: 'declares PCI_DSS',
        score: score(0.55, 12, 3),
      },
    ],
    checks: [
      rdsUnencrypted,
      {
        ...rdsUnencrypted,
        checkId: 'backup.deletion-protection',
        title: 'Production data stores have deletion protection',
        severity: 'high',
      },
    ],
  },
};

export const newerReview: ReviewResponse = {
  ...olderReview,
  id: '4',
  decision: 'approved',
  comment: 'Deletion protection is on; encryption waived until the migration.',
  createdAt: '2026-11-20T14:00:00.000Z',
  snapshot: compliance,
};
