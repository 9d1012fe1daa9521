/**
 * What each service runs, beyond what every service has, and what is deliberately out of
 * line. Everything not listed under `deviations` is generated compliant; README.md explains
 * each deviation.
 */

export type Database =
  | {
      kind: 'instance';
      instanceClass: string;
      allocatedStorage: number;
      maxAllocatedStorage: number;
      engineVersion: string;
      dbName: string;
    }
  | {
      kind: 'aurora';
      instanceClass: string;
      engineVersion: string;
      dbName: string;
    };

export interface Topic {
  name: string;
  partitions: number;
  /** Retention in (Gregorian, 365.2425-day) years. */
  retentionYears: number;
}

export interface Secret {
  /** Terraform name and last path segment of the SSM parameter. */
  name: string;
  description: string;
  kind: 'api-key' | 'passphrase' | 'signing-key';
}

export interface Deviations {
  /**
   * Tag changes on single resources, keyed by resource address. A `null` value removes the
   * tag from `tags` and `tags_all`.
   */
  tagOverrides?: Record<string, Record<string, string | null>>;
  /** Adds a media bucket (with its log bucket and KMS key) in us-east-1 via the `.us` provider. */
  usMediaBucket?: boolean;
  /** `aws_db_instance` with `storage_encrypted = false` and no `kms_key_id`. */
  unencryptedDatabase?: boolean;
  /** Topic name → retention in years, overriding the compliant value. */
  topicRetentionYears?: Record<string, number>;
  /** Retention of `/ecs/<service>` instead of the record-keeping period. */
  ecsLogRetentionDays?: number;
  /** Retention of the database's PostgreSQL log group instead of the record-keeping period. */
  rdsLogRetentionDays?: number;
  /** Port-80 listener forwards plain HTTP instead of redirecting to HTTPS. */
  plainHttpListener?: boolean;
  /** TLS policy of the 443 listener instead of ELBSecurityPolicy-TLS13-1-2-2021-06. */
  sslPolicy?: string;
}

export interface ServiceProfile {
  /** State serial: how many times the state has been written. */
  serial: number;
  /** When the squad first applied the stack; creation dates fall after it. */
  since: string;
  language: string;
  imageTag: string;
  database: Database;
  dynamodb?: {
    table: string;
    hashKey: string;
    rangeKey: string;
    ttlAttribute: string;
  };
  redis?: { nodeType: string };
  kafka?: { topics: Topic[] };
  secrets?: Secret[];
  scaling: { desired: number };
  /** Exposes the database master password as a sensitive root output. */
  outputDbPassword?: boolean;
  deviations?: Deviations;
}

const FINANCIAL_TOPICS: Topic[] = [
  { name: 'compliance-events', partitions: 6, retentionYears: 7 },
  { name: 'customer-events', partitions: 12, retentionYears: 3 },
];

export const PROFILES: Record<string, ServiceProfile> = {
  'music-discovery': {
    serial: 214,
    since: '2023-02-06',
    language: 'typescript',
    imageTag: '4.18.2',
    database: {
      kind: 'aurora',
      instanceClass: 'db.r6g.large',
      engineVersion: '16.4',
      dbName: 'discovery',
    },
    scaling: { desired: 6 },
  },
  'recommendation-engine': {
    serial: 167,
    since: '2023-04-17',
    language: 'python',
    imageTag: '2.31.0',
    database: {
      kind: 'instance',
      instanceClass: 'db.r6g.large',
      allocatedStorage: 200,
      maxAllocatedStorage: 1000,
      engineVersion: '16.4',
      dbName: 'recommendations',
    },
    dynamodb: {
      table: 'recommendation-engine-mixes',
      hashKey: 'listener_id',
      rangeKey: 'mix_id',
      ttlAttribute: 'expires_at',
    },
    scaling: { desired: 4 },
    deviations: {
      // Ownership drift: resources taken over from the playlist squad still carry its tag.
      tagOverrides: {
        'module.database.aws_dynamodb_table.mixes': { Squad: 'Playlist Squad' },
        'module.service.aws_ecs_service.this': { Squad: 'Playlist Squad' },
        'module.service.aws_ecs_task_definition.this': {
          Squad: 'Playlist Squad',
        },
      },
    },
  },
  'playlist-management': {
    serial: 301,
    since: '2022-11-14',
    language: 'typescript',
    imageTag: '7.2.9',
    database: {
      kind: 'instance',
      instanceClass: 'db.r6g.xlarge',
      allocatedStorage: 500,
      maxAllocatedStorage: 2000,
      engineVersion: '16.4',
      dbName: 'playlists',
    },
    scaling: { desired: 4 },
    outputDbPassword: true,
  },
  'playlist-collaboration': {
    serial: 58,
    since: '2024-05-20',
    language: 'typescript',
    imageTag: '0.19.4',
    database: {
      kind: 'instance',
      instanceClass: 'db.r6g.large',
      allocatedStorage: 100,
      maxAllocatedStorage: 500,
      engineVersion: '16.4',
      dbName: 'collaboration',
    },
    redis: { nodeType: 'cache.r7g.large' },
    scaling: { desired: 3 },
    deviations: {
      // Missing tag: the data bucket has no `Squad` tag.
      tagOverrides: { 'module.storage.aws_s3_bucket.data': { Squad: null } },
    },
  },
  'payment-processing': {
    serial: 389,
    since: '2022-09-05',
    language: 'java',
    imageTag: '12.4.1',
    database: {
      kind: 'aurora',
      instanceClass: 'db.r6g.xlarge',
      engineVersion: '16.4',
      dbName: 'payments',
    },
    kafka: {
      topics: [
        { name: 'payment-transactions', partitions: 24, retentionYears: 7 },
        ...FINANCIAL_TOPICS,
      ],
    },
    secrets: [
      {
        name: 'psp-api-key',
        description: 'API key for the card payment service provider',
        kind: 'api-key',
      },
      {
        name: 'swish-certificate-passphrase',
        description: 'Passphrase of the Swish client certificate',
        kind: 'passphrase',
      },
    ],
    scaling: { desired: 4 },
    deviations: {
      // The database's audit log (connections, DDL, failed logins) kept 90 days: shorter than
      // PCI DSS 10.5.1's 12 months, let alone the 7 years of financial record keeping.
      rdsLogRetentionDays: 90,
    },
  },
  'subscription-billing': {
    serial: 246,
    since: '2022-10-03',
    language: 'kotlin',
    imageTag: '9.0.3',
    database: {
      kind: 'instance',
      instanceClass: 'db.r6g.large',
      allocatedStorage: 300,
      maxAllocatedStorage: 1000,
      engineVersion: '16.4',
      dbName: 'billing',
    },
    kafka: {
      topics: [
        { name: 'subscription-charges', partitions: 12, retentionYears: 7 },
        ...FINANCIAL_TOPICS,
      ],
    },
    secrets: [
      {
        name: 'invoice-provider-api-key',
        description: 'API key for the invoicing partner',
        kind: 'api-key',
      },
    ],
    scaling: { desired: 3 },
    deviations: {
      // Too short for 7-year record keeping.
      topicRetentionYears: { 'compliance-events': 1 },
      ecsLogRetentionDays: 365,
    },
  },
  'user-identity': {
    serial: 412,
    since: '2022-08-22',
    language: 'go',
    imageTag: '5.6.0',
    database: {
      kind: 'aurora',
      instanceClass: 'db.r6g.large',
      engineVersion: '16.4',
      dbName: 'identity',
    },
    redis: { nodeType: 'cache.r7g.large' },
    secrets: [
      {
        name: 'bankid-certificate-passphrase',
        description: 'Passphrase of the BankID relying-party certificate',
        kind: 'passphrase',
      },
      {
        name: 'jwt-signing-key',
        description: 'HMAC key for signing first-party session tokens',
        kind: 'signing-key',
      },
    ],
    scaling: { desired: 6 },
  },
  'platform-gateway': {
    serial: 523,
    since: '2022-06-13',
    language: 'go',
    imageTag: '3.41.7',
    database: {
      kind: 'instance',
      instanceClass: 'db.t4g.large',
      allocatedStorage: 50,
      maxAllocatedStorage: 200,
      engineVersion: '16.4',
      dbName: 'gateway',
    },
    scaling: { desired: 6 },
    deviations: {
      plainHttpListener: true,
      sslPolicy: 'ELBSecurityPolicy-2016-08',
    },
  },
  'rights-ledger': {
    serial: 133,
    since: '2023-01-09',
    language: 'scala',
    imageTag: '1.27.5',
    database: {
      kind: 'instance',
      instanceClass: 'db.r6g.large',
      allocatedStorage: 400,
      maxAllocatedStorage: 1500,
      engineVersion: '16.4',
      dbName: 'rights',
    },
    scaling: { desired: 3 },
    deviations: { unencryptedDatabase: true },
  },
  'podcast-ingest': {
    serial: 92,
    since: '2024-02-12',
    language: 'python',
    imageTag: '0.42.1',
    database: {
      kind: 'instance',
      instanceClass: 'db.t4g.large',
      allocatedStorage: 100,
      maxAllocatedStorage: 500,
      engineVersion: '16.4',
      dbName: 'podcasts',
    },
    scaling: { desired: 3 },
    deviations: { usMediaBucket: true },
  },
};
