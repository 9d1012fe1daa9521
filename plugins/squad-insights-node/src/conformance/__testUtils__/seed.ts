/*
 * The design document's own values (seed chapter on microservices): the squad services map of
 * `module "squad_microservice"`, its `tags` block, and the Swedish financial messaging stack.
 * The conformance fixtures are built from these, and the tests state their expectations in them.
 */

/** One entry of the book's `local.squad_services` map. */
export interface SeedService {
  name: string;
  squad: string;
  tribe: string;
  chapter: string;
  guild: string;
  businessCapability: string;
  dataClassification: string;
  complianceRequirements: string[];
  /** `data_retention_years = contains(compliance_requirements, "PCI_DSS") ? 7 : 3`, in days. */
  retentionDays: number;
}

/** The organisation of the book's tags block (`Organization = "Spotify AB"`). */
export const SEED_ORGANIZATION = 'Spotify AB';

export const SEED_SERVICES: SeedService[] = [
  {
    name: 'music-discovery',
    squad: 'Discovery Squad',
    tribe: 'Music Experience',
    chapter: 'Backend Engineering',
    guild: 'Data Engineering',
    businessCapability: 'Personalized Music Recommendations',
    dataClassification: 'user_behavioral',
    complianceRequirements: ['GDPR', 'Music_Rights', 'PCI_DSS'],
    retentionDays: 2557,
  },
  {
    name: 'playlist-management',
    squad: 'Playlist Squad',
    tribe: 'Music Experience',
    chapter: 'Frontend Engineering',
    guild: 'UX Engineering',
    businessCapability: 'Playlist Creation and Management',
    dataClassification: 'user_content',
    complianceRequirements: ['GDPR', 'Copyright_Law'],
    retentionDays: 1096,
  },
  {
    name: 'payment-processing',
    squad: 'Payments Squad',
    tribe: 'Platform Services',
    chapter: 'Backend Engineering',
    guild: 'Security Engineering',
    businessCapability: 'Subscription and Payment Processing',
    dataClassification: 'financial',
    // The services map lists GDPR, PCI_DSS and Svenska_Betaltjänstlagen; the book's Klarna-style
    // payment-processing service adds Finansinspektionen, PSD2 and AML (regulatoryCompliance).
    complianceRequirements: [
      'GDPR',
      'PCI_DSS',
      'Svenska_Betaltjänstlagen',
      'Finansinspektionen',
      'PSD2',
      'AML',
    ],
    retentionDays: 2557,
  },
];

/** The module's `tags` block for one service, as Terraform evaluates it. */
export function seedTags(s: SeedService): Record<string, string> {
  return {
    Squad: s.squad,
    Tribe: s.tribe,
    Chapter: s.chapter,
    Guild: s.guild,
    BusinessCapability: s.businessCapability,
    DataClassification: s.dataClassification,
    ComplianceRequirements: s.complianceRequirements.join(','),
    Country: 'Sweden',
    Organization: SEED_ORGANIZATION,
    Environment: 'production',
    ManagedBy: 'Terraform',
  };
}

/** `aws_msk_configuration.svenska_financial_config.server_properties`, verbatim. */
export const SEED_SERVER_PROPERTIES = `# Svenska financial transaction requirements
auto.create.topics.enable=false
delete.topic.enable=false
log.retention.hours=61320  # 7 years för financial record retention
log.retention.bytes=1073741824000  # 1TB per partition
log.segment.bytes=536870912  # 512MB segments för better management

# Security för svenska financial compliance
security.inter.broker.protocol=SSL
ssl.endpoint.identification.algorithm=HTTPS
ssl.client.auth=required

# Replication för high availability
default.replication.factor=3
min.insync.replicas=2
unclean.leader.election.enable=false

# Performance tuning för high-volume svenska financial transactions
num.network.threads=16
num.io.threads=16
socket.send.buffer.bytes=102400
socket.receive.buffer.bytes=102400
socket.request.max.bytes=104857600

# Transaction support för financial consistency
transaction.state.log.replication.factor=3
transaction.state.log.min.isr=2
`;

/** The `for_each` map of `kafka_topic.svenska_financial_topics`. */
export const SEED_TOPICS: Record<
  string,
  {
    partitions: number;
    replication_factor: number;
    retention_ms: number;
    segment_ms: number;
    min_insync_replicas: number;
    cleanup_policy: string;
  }
> = {
  'payment-transactions': {
    partitions: 12,
    replication_factor: 3,
    retention_ms: 220752000000, // 7 years
    segment_ms: 604800000,
    min_insync_replicas: 2,
    cleanup_policy: 'compact,delete',
  },
  'compliance-events': {
    partitions: 6,
    replication_factor: 3,
    retention_ms: 220752000000, // 7 years
    segment_ms: 86400000,
    min_insync_replicas: 2,
    cleanup_policy: 'delete',
  },
  'customer-events': {
    partitions: 18,
    replication_factor: 3,
    retention_ms: 94608000000, // 3 years (GDPR)
    segment_ms: 3600000,
    min_insync_replicas: 2,
    cleanup_policy: 'compact',
  },
  'risk-assessments': {
    partitions: 6,
    replication_factor: 3,
    retention_ms: 220752000000, // 7 years
    segment_ms: 86400000,
    min_insync_replicas: 2,
    cleanup_policy: 'delete',
  },
};
