// Generated from default-policy.yaml by defaultPolicy.test.ts (UPDATE_DEFAULT_POLICY=1 regenerates it). Do not edit.

/**
 * The text of the default policy, `default-policy.yaml`.
 *
 * @public
 */
export const DEFAULT_POLICY_YAML: string = `# Squad Insights default compliance policy.
#
# This file is the source of truth; defaultPolicyYaml.ts is generated from it (the test
# defaultPolicy.test.ts fails when they differ; UPDATE_DEFAULT_POLICY=1 regenerates it).
# Tune it without code through app-config or a policy file (kind: CompliancePolicyOverride),
# merged with mergePolicy(). The rule language is described in rules.ts.
apiVersion: squad-insights.io/v1alpha1
kind: CompliancePolicy
metadata:
  name: squad-insights-default
  version: '1'
  description: >-
    GDPR, PCI DSS and Swedish financial rules for a squad-model organisation in Sweden:
    data in the EU (primary eu-north-1, DR eu-west-1), 7-year record keeping for financial
    and PCI data, 3 years otherwise.

scoring:
  # One critical failure outweighs several low ones (see score.ts).
  severityWeights: { low: 1, medium: 3, high: 9, critical: 27 }

# The deployment gate: pipelines ask the portal (POST .../gate, or \`squad-insights gate\`) before
# deploying, as the design document's financial-compliance-check and regulatory-approval hooks
# do before production. A deploy to an environment not listed here is refused with a 400.
gate:
  environments:
    production:
      # Failing checks of any framework the service declares block at high and critical.
      frameworks: ['*']
      minSeverity: high
      requireReview: true
      blockNewPlanFailures: true
    staging:
      # Before production, only the financial frameworks' critical failures stop a deploy.
      frameworks: [PCI_DSS, Svenska_Betaltjänstlagen, Finansinspektionen, PSD2, AML]
      minSeverity: critical
      requireReview: false
  # An approved review at least yearly for financial, PCI and personal data; public and
  # internal services need none. The shortest matching period applies.
  reviewPeriods:
    - when: { classifications: [financial], requirements: [PCI_DSS, Svenska_Betaltjänstlagen, Finansinspektionen] }
      days: 365
    - when: { classifications: [personal, user_behavioral, user_content] }
      days: 365
  # A critical service is not deployed on facts older than a day.
  maxFactsAge: { hours: 24, criticalities: [critical] }
  # Financial services' pipelines stop when the portal cannot be asked; others warn and deploy.
  failClosed: { classifications: [financial], requirements: [PCI_DSS] }
  # Only pipelines (external access tokens) ask; a person's token is refused.
  requireServicePrincipal: true
  overrideMaxHours: 24

parameters:
  # Logical tag name -> the tag the organisation's resources carry. The default is the design
  # document's module \`tags\` block (Squad = "Payments Squad", Tribe = "Platform Services", …):
  # values are display names, matched to catalog groups as a person would (groupNames.ts).
  # GCP labels use the same names in lower snake case (business_capability); see labels.ts.
  tagNames:
    team: Squad
    tribe: Tribe
    chapter: Chapter
    guild: Guild
    service: Service
    businessCapability: BusinessCapability
    dataClassification: DataClassification
    compliance: ComplianceRequirements
    country: Country
    organization: Organization
    environment: Environment
    managedBy: ManagedBy
  # Consul Service.Meta keys of the same logical tags (Consul meta keys are lower case).
  metaNames:
    team: team
    tribe: tribe
    chapter: chapter
    guild: guild
    service: service
    businessCapability: business-capability
    dataClassification: data-classification
    compliance: compliance
    country: country
    organization: organization
    environment: environment
    managedBy: managed-by
  requiredTags:
    - team
    - tribe
    - chapter
    - guild
    - businessCapability
    - dataClassification
    - compliance
    - country
    - organization
    - environment
    - managedBy
  # What the Country tag must say. The Organization tag must say \`organization\`, which the
  # backend takes from Backstage's \`organization.name\` (and the CLI from --organization).
  country: Sweden
  # Frameworks under which data stays in Sweden (primaryRegion) with DR only in drRegions.
  swedishResidencyFrameworks: [Svenska_Betaltjänstlagen, Finansinspektionen]
  # AWS regions inside the EU. Not eu-west-2 (London) nor eu-central-2 (Zurich): the UK and
  # Switzerland are outside the EU, adequacy decisions notwithstanding.
  allowedRegions:
    - eu-north-1
    - eu-west-1
    - eu-central-1
    - eu-west-3
    - eu-south-1
    - eu-south-2
  primaryRegion: eu-north-1
  drRegions: [eu-west-1]
  allowedConsulDatacenters: [sto1]
  # TLS 1.2+ with forward secrecy; ELBSecurityPolicy-2016-08 still allows TLS 1.0/1.1.
  modernTlsPolicies: ['ELBSecurityPolicy-TLS13-*', 'ELBSecurityPolicy-FS-1-2-*']
  publicIngressPorts: [80, 443]
  # Topics holding records that must be kept (bookkeeping, payments, audit trails).
  recordTopicPatterns:
    - 'payment-*'
    - '*-transactions'
    - '*-charges'
    - 'compliance-*'
    # Credit and AML risk assessments back decisions the supervisor may ask about for years.
    - 'risk-*'
  # Topics holding customer personal data, which must not be kept longer than needed.
  customerDataTopicPatterns: ['customer-*', 'listener-*', 'user-*']
  minInsyncReplicas: 2
  minReplicationFactor: 3
  minBackupRetentionDays: 1
  # GDPR sets no number; this is the organisation's storage limit for customer data.
  gdprMaxRetentionYears: 3
  # The longest a waiver may run, in days from its grant: an accepted risk is argued again at
  # least yearly, and a critical one every quarter. A longer expiry is refused.
  waiverMaxDays: 365
  criticalWaiverMaxDays: 90
  # What the squad template (squad:compliance:profile) sets up for a new service. Retention,
  # regions and frameworks come from the rules above; these are the template's own choices.
  newService:
    # One reviewer besides the author on every change (PCI DSS 6.2.3 asks that much of bespoke
    # code); two where money or card data is handled.
    requiredApprovals:
      value: 1
      stricter:
        value: 2
        when: { requirements: [PCI_DSS], classifications: [financial] }
    # Days of backups and point-in-time recovery; the longest AWS keeps for payment data.
    backupRetentionDays:
      value: 14
      stricter:
        value: 35
        when:
          requirements: [PCI_DSS, Svenska_Betaltjänstlagen]
          classifications: [financial]
    # A switch is on when any of these checks applies to the service, so the new service passes
    # them from its first plan.
    switchedOnBy:
      encryptionInTransit: [transit.lb-listeners, transit.msk-tls, transit.elasticache]
      deletionProtection: [backup.deletion-protection]
      serviceMesh: [transit.consul-mesh]

frameworks:
  - id: baseline
    title: Squad Insights baseline
    appliesWhen: { always: true }
    controls:
      - { id: residency, title: Data stays in the EU }
      - { id: encryption, title: Encryption at rest and in transit }
      - { id: logging, title: Audit logging }
      - id: record-keeping
        title: 'Record keeping: 7 years for financial or PCI data, 3 years otherwise'
      - { id: streams, title: Durable event streams }
      - { id: resilience, title: Backups and deletion protection }
      - { id: exposure, title: No public exposure of data stores }
      - { id: ownership, title: Ownership and tagging agree with the catalog }
      - { id: runtime, title: Registered and healthy at runtime }
  - id: GDPR
    title: EU General Data Protection Regulation
    appliesWhen:
      requirements:
        - GDPR
      classifications:
        - personal
        - user_behavioral
        - user_content
        - financial
    controls:
      - { id: Art.5(1)(e), title: Storage limitation }
      - { id: Art.25, title: Data protection by design and by default }
      - { id: Art.17, title: Right to erasure }
      - { id: Art.20, title: Right to data portability }
      - { id: Art.30, title: Records of processing }
      - { id: Art.32, title: Security of processing }
      - { id: Art.44, title: Transfers to third countries }
  - id: PCI_DSS
    title: PCI DSS v4.0
    appliesWhen: { requirements: [PCI_DSS] }
    controls:
      - { id: Req.1, title: Network security controls }
      - { id: Req.3, title: Protect stored account data }
      - { id: Req.4, title: Strong cryptography in transit }
      - { id: Req.10, title: Log and monitor access }
      - { id: Req.12.10, title: Incident response and recovery }
  - id: Svenska_Betaltjänstlagen
    title: Swedish payment services and bookkeeping rules
    appliesWhen:
      requirements:
        - Svenska_Betaltjänstlagen
      classifications:
        - financial
    controls:
      - id: residency
        title: Payment data in Sweden with an EU disaster-recovery site
      - id: record-keeping
        title: 7-year record keeping (bokföringslagen 7 kap.)
      - { id: resilience, title: Operational resilience of payment services }
      - { id: security, title: Security of payment data }
  - id: Copyright_Law
    title: Copyright law (upphovsrättslagen)
    appliesWhen: { requirements: [Copyright_Law] }
    controls:
      - { id: integrity, title: User and licensed content is not lost }
      - { id: records, title: Rights records are kept }
  - id: Music_Rights
    title: Music licensing and royalty reporting
    appliesWhen: { requirements: [Music_Rights] }
    controls:
      - id: royalty-records
        title: Royalty and usage records are kept and complete
  # The design document's regulated payment service (Klarna-style) answers to
  # Finansinspektionen, PSD2 and the anti-money-laundering act beside GDPR and PCI DSS.
  - id: Finansinspektionen
    title: Finansinspektionen (Swedish Financial Supervisory Authority) requirements
    appliesWhen: { requirements: [Finansinspektionen] }
    controls:
      - id: residency
        title: Financial data in Sweden with an EU disaster-recovery site
      - id: record-keeping
        title: 7-year record keeping of financial records
      - id: audit-trail
        title: An immutable audit trail
      - id: no-automatic-deletion
        title: No automatic deletion of financial data
  - id: PSD2
    title: EU Payment Services Directive 2 (lag 2010:751 om betaltjänster)
    appliesWhen: { requirements: [PSD2] }
    controls:
      - { id: Art.95, title: Operational and security risks }
      - { id: Art.97, title: Strong customer authentication }
  - id: AML
    title: Anti-money laundering (lag 2017:630 om åtgärder mot penningtvätt)
    appliesWhen: { requirements: [AML] }
    controls:
      - id: record-keeping
        title: Customer and transaction records kept at least 5 years
      - { id: monitoring, title: Transactions are monitored for suspicious activity }

checks:
  # --- Data residency -------------------------------------------------------------------
  - id: residency.eu-regions
    title: Every regional resource is in an EU region
    rationale: Personal and business data must not leave the EU without a transfer mechanism.
    severity: critical
    controls: [baseline/residency, GDPR/Art.44]
    remediation: Move the resource to an allowed EU region (allowedRegions) and delete the copy outside it.
    appliesTo: ['*']
    rule: { attribute: region, in: { param: allowedRegions }, missing: skip }

  - id: residency.swedish-regions
    title: Payment data stays in the primary region or the EU DR region
    rationale: Swedish payment data is kept in Sweden, with disaster-recovery copies only in the approved EU region.
    severity: high
    controls: [Svenska_Betaltjänstlagen/residency, Finansinspektionen/residency]
    remediation: Keep resources in primaryRegion; copies only in drRegions.
    appliesTo: ['*']
    rule: { attribute: region, in: { param: residencyRegions }, missing: skip }

  - id: residency.primary-region
    title: Primary data stores and compute run in the primary region
    rationale: Swedish residency puts the primary copy of payment data in Sweden (eu-north-1).
    severity: high
    controls: [Svenska_Betaltjänstlagen/residency, Finansinspektionen/residency]
    remediation: Run the primary database, streams and service in primaryRegion; replicas may live in drRegions.
    appliesTo:
      - aws_db_instance
      - aws_rds_cluster
      - aws_rds_cluster_instance
      - aws_msk_cluster
      - aws_dynamodb_table
      - aws_elasticache_replication_group
      - aws_ecs_service
      - aws_lb
    # Read replicas and cross-region clusters are DR copies, checked by residency.swedish-regions.
    where:
      allOf:
        - { attribute: replicate_source_db, nonEmpty: false }
        - { attribute: replication_source_identifier, nonEmpty: false }
    rule:
      attribute: region
      equals:
        param: primaryRegion
      missing: unknown

  - id: residency.backup-in-eu
    title: Replicated backups go to an EU region
    rationale: Backups are data too; replicating them outside the EU is a transfer to a third country.
    severity: high
    controls:
      - baseline/residency
      - GDPR/Art.44
      - Svenska_Betaltjänstlagen/residency
    remediation: Replicate only to buckets in allowedRegions (for payment data, drRegions).
    appliesTo: [aws_s3_bucket_replication_configuration]
    rule:
      forEach: rule
      rule:
        linked:
          resource: aws_s3_bucket
          by: { arn: 'destination[0].bucket' }
          rule: { attribute: region, in: { param: allowedRegions } }
          # The destination may be in another account's state, which this service doesn't declare.
          missing: unknown

  - id: residency.dynamodb-replicas-in-eu
    title: DynamoDB global table replicas are in EU regions
    rationale: A global table replica is a full copy of the data.
    severity: high
    controls: [baseline/residency, GDPR/Art.44]
    remediation: Remove replicas outside allowedRegions.
    appliesTo: [aws_dynamodb_table]
    rule:
      forEach: replica
      rule:
        attribute: region_name
        in:
          param: allowedRegions

  # --- Encryption at rest ---------------------------------------------------------------
  - id: encryption.rds-storage
    title: Databases are encrypted at rest
    rationale: Unencrypted storage exposes data through snapshots, disks and backups.
    severity: critical
    controls:
      - baseline/encryption
      - GDPR/Art.32
      - PCI_DSS/Req.3
      - Svenska_Betaltjänstlagen/security
    remediation: Set storage_encrypted = true with a customer KMS key (requires a snapshot restore for existing instances).
    appliesTo: [aws_db_instance, aws_rds_cluster]
    rule: { attribute: storage_encrypted, equals: true }

  - id: encryption.s3-default
    title: S3 buckets encrypt objects by default
    rationale: Default encryption makes every object encrypted, whoever writes it.
    severity: high
    controls: [baseline/encryption, GDPR/Art.32, PCI_DSS/Req.3]
    remediation: Add aws_s3_bucket_server_side_encryption_configuration with sse_algorithm aws:kms.
    appliesTo: [aws_s3_bucket]
    rule:
      anyOf:
        - attribute: 'server_side_encryption_configuration[0].rule[0].apply_server_side_encryption_by_default[0].sse_algorithm'
          in: ['aws:kms', 'aws:kms:dsse', AES256]
        - linked:
            resource: aws_s3_bucket_server_side_encryption_configuration
            by: { bucket: bucket }
            rule:
              attribute: 'rule[0].apply_server_side_encryption_by_default[0].sse_algorithm'
              in: ['aws:kms', 'aws:kms:dsse', AES256]

  - id: encryption.ebs
    title: EBS volumes are encrypted
    rationale: Volumes and their snapshots hold application data.
    severity: high
    controls: [baseline/encryption, GDPR/Art.32, PCI_DSS/Req.3]
    remediation: Set encrypted = true (or enable EBS encryption by default for the account).
    appliesTo: [aws_ebs_volume]
    rule: { attribute: encrypted, equals: true }

  - id: encryption.instance-volumes
    title: EC2 instance volumes are encrypted
    rationale: Root and data volumes of instances hold application data.
    severity: high
    controls: [baseline/encryption, GDPR/Art.32, PCI_DSS/Req.3]
    remediation: Set encrypted = true on root_block_device and ebs_block_device.
    appliesTo: [aws_instance]
    rule:
      allOf:
        - forEach: root_block_device
          rule:
            attribute: encrypted
            equals: true
        - forEach: ebs_block_device
          rule:
            attribute: encrypted
            equals: true

  - id: encryption.msk-at-rest
    title: Kafka (MSK) encrypts at rest with a customer key
    rationale: A customer-managed key makes access to stored events auditable and revocable.
    severity: high
    controls: [baseline/encryption, GDPR/Art.32, PCI_DSS/Req.3]
    remediation: Set encryption_info.encryption_at_rest_kms_key_arn to a customer KMS key.
    appliesTo: [aws_msk_cluster]
    rule:
      attribute: 'encryption_info[0].encryption_at_rest_kms_key_arn'
      nonEmpty: true

  - id: encryption.elasticache-at-rest
    title: ElastiCache encrypts at rest
    rationale: Cached sessions and profiles are personal data.
    severity: high
    controls: [baseline/encryption, GDPR/Art.32, PCI_DSS/Req.3]
    remediation: Set at_rest_encryption_enabled = true (recreates the replication group).
    appliesTo: [aws_elasticache_replication_group]
    rule: { attribute: at_rest_encryption_enabled, equals: true }

  - id: encryption.dynamodb-kms
    title: DynamoDB tables use KMS encryption
    rationale: KMS encryption (rather than an AWS-owned key) makes key use auditable.
    severity: medium
    controls: [baseline/encryption, GDPR/Art.32, PCI_DSS/Req.3]
    remediation: Enable server_side_encryption with a KMS key.
    appliesTo: [aws_dynamodb_table]
    rule: { attribute: 'server_side_encryption[0].enabled', equals: true }

  - id: encryption.kms-rotation
    title: Symmetric KMS keys rotate automatically
    rationale: Rotation limits how much data one key version protects.
    severity: medium
    controls: [baseline/encryption, PCI_DSS/Req.3]
    remediation: Set enable_key_rotation = true.
    appliesTo: [aws_kms_key]
    # AWS cannot rotate asymmetric or HMAC keys.
    where:
      attribute: customer_master_key_spec
      equals: SYMMETRIC_DEFAULT
      missing: pass
    rule: { attribute: enable_key_rotation, equals: true }

  # --- Encryption in transit ------------------------------------------------------------
  - id: transit.msk-tls
    title: Kafka (MSK) uses TLS between clients and brokers and inside the cluster
    rationale: Events carry payment and personal data across the network.
    severity: high
    controls: [baseline/encryption, GDPR/Art.32, PCI_DSS/Req.4]
    remediation: Set encryption_in_transit client_broker = TLS and in_cluster = true.
    appliesTo: [aws_msk_cluster]
    rule:
      allOf:
        - attribute: 'encryption_info[0].encryption_in_transit[0].client_broker'
          equals: TLS
        - attribute: 'encryption_info[0].encryption_in_transit[0].in_cluster'
          equals: true

  - id: transit.elasticache
    title: ElastiCache encrypts in transit
    rationale: Cache traffic carries session and personal data.
    severity: high
    controls: [baseline/encryption, GDPR/Art.32, PCI_DSS/Req.4]
    remediation: Set transit_encryption_enabled = true.
    appliesTo: [aws_elasticache_replication_group]
    rule: { attribute: transit_encryption_enabled, equals: true }

  - id: transit.lb-listeners
    title: Load balancer listeners use modern TLS; plain HTTP only redirects
    rationale: TLS 1.0/1.1 and plain HTTP expose traffic to interception.
    severity: high
    controls: [baseline/encryption, GDPR/Art.32, PCI_DSS/Req.4]
    remediation: Use an HTTPS/TLS listener with a policy in modernTlsPolicies; make port 80 redirect to HTTPS.
    appliesTo: [aws_lb_listener, aws_alb_listener]
    rule:
      anyOf:
        - allOf:
            - { attribute: protocol, in: [HTTPS, TLS] }
            - { attribute: ssl_policy, matches: { param: modernTlsPolicies } }
        - allOf:
            - { attribute: protocol, equals: HTTP }
            - forEach: default_action
              nonEmpty: true
              rule:
                allOf:
                  - { attribute: type, equals: redirect }
                  - { attribute: 'redirect[0].protocol', equals: HTTPS }

  - id: transit.consul-mesh
    title: Services with personal or financial data run in the Consul service mesh
    rationale: Connect gives mutual TLS and intention-based authorisation between services.
    severity: high
    controls: [GDPR/Art.32, PCI_DSS/Req.4, Svenska_Betaltjänstlagen/security]
    remediation: Register a Connect sidecar (or make the service Connect-native).
    appliesTo: [consul]
    when: { classifications: [personal, financial] }
    rule:
      anyOf:
        - { attribute: connect.sidecar, equals: true }
        - { attribute: connect.native, equals: true }

  # --- Audit logging and record keeping -------------------------------------------------
  - id: logging.log-groups-exist
    title: The service writes logs to CloudWatch
    rationale: Without a log group there is no audit trail to keep.
    severity: medium
    controls: [baseline/logging, PCI_DSS/Req.10]
    remediation: Create the service's log group in Terraform with the retention of its classification.
    appliesTo: [service]
    rule: { linked: { resource: aws_cloudwatch_log_group } }

  - id: logging.log-retention
    title: Log groups keep logs for the record-keeping period
    rationale: Audit trails must exist for the whole period an auditor may ask about.
    severity: high
    controls:
      - baseline/record-keeping
      - PCI_DSS/Req.10
      - Svenska_Betaltjänstlagen/record-keeping
      - Finansinspektionen/record-keeping
      - Finansinspektionen/audit-trail
      - AML/record-keeping
      - GDPR/Art.30
      - Music_Rights/royalty-records
    remediation: Set retention_in_days to at least recordRetentionDays (2557 for financial/PCI, 1096 otherwise).
    appliesTo: [aws_cloudwatch_log_group]
    rule:
      anyOf:
        - attribute: retention_in_days
          atLeast:
            param: recordRetentionDays
        # 0 means the logs never expire.
        - { attribute: retention_in_days, equals: 0 }

  - id: logging.s3-access-logs
    title: S3 buckets have access logging
    rationale: Access logs show who read or changed stored data.
    severity: medium
    controls: [baseline/logging, PCI_DSS/Req.10, GDPR/Art.32]
    remediation: Add aws_s3_bucket_logging pointing at the service's access-log bucket.
    appliesTo: [aws_s3_bucket]
    rule:
      anyOf:
        - linked:
            resource: aws_s3_bucket_logging
            by:
              bucket: bucket
        - { attribute: 'logging[0].target_bucket', nonEmpty: true }
        # Log buckets themselves don't log (that would log forever).
        - linked:
            resource: aws_s3_bucket_logging
            by:
              target_bucket: bucket
        - linked:
            resource: aws_s3_bucket
            by:
              'logging[0].target_bucket': bucket
        - linked:
            resource: aws_lb
            by:
              'access_logs[0].bucket': bucket

  - id: logging.rds-log-exports
    title: Databases export their logs to CloudWatch
    rationale: Database logs are part of the audit trail and must be kept with it.
    severity: medium
    controls: [baseline/logging, PCI_DSS/Req.10]
    remediation: Set enabled_cloudwatch_logs_exports (e.g. ["postgresql"]).
    appliesTo: [aws_db_instance, aws_rds_cluster]
    rule: { attribute: enabled_cloudwatch_logs_exports, nonEmpty: true }

  - id: logging.msk-broker-logs
    title: Kafka (MSK) broker logs are delivered
    rationale: Broker logs record client access and authorisation failures.
    severity: medium
    controls: [baseline/logging, PCI_DSS/Req.10]
    remediation: Enable logging_info.broker_logs to CloudWatch, S3 or Firehose.
    appliesTo: [aws_msk_cluster]
    rule:
      anyOf:
        - attribute: 'logging_info[0].broker_logs[0].cloudwatch_logs[0].enabled'
          equals: true
        - attribute: 'logging_info[0].broker_logs[0].s3[0].enabled'
          equals: true
        - attribute: 'logging_info[0].broker_logs[0].firehose[0].enabled'
          equals: true

  # --- Event streams --------------------------------------------------------------------
  - id: streams.record-retention
    title: Record topics keep events for the record-keeping period
    rationale: Payments and compliance events are records; the stream may be the only copy.
    severity: high
    controls:
      - baseline/record-keeping
      - PCI_DSS/Req.10
      - Svenska_Betaltjänstlagen/record-keeping
      - Finansinspektionen/record-keeping
      - AML/record-keeping
      - Music_Rights/royalty-records
    remediation: Set retention.ms to at least recordRetentionYears x 365 days (or -1 with tiered storage).
    appliesTo: [kafka_topic]
    where: { attribute: name, matches: { param: recordTopicPatterns } }
    rule:
      anyOf:
        - attribute: 'config["retention.ms"]'
          atLeast:
            param: recordRetentionMinMs
        - { attribute: 'config["retention.ms"]', equals: -1 }

  - id: streams.customer-data-max-retention
    title: Customer-data topics don't keep events beyond the GDPR limit
    rationale: Storage limitation; a topic that keeps personal data forever is an unbounded archive.
    severity: high
    controls: [GDPR/Art.5(1)(e)]
    remediation: >-
      Set retention.ms to at most gdprMaxRetentionYears (never -1), with a cleanup.policy that
      deletes (delete or compact,delete).
    appliesTo: [kafka_topic]
    where: { attribute: name, matches: { param: customerDataTopicPatterns } }
    rule:
      allOf:
        - { attribute: 'config["retention.ms"]', atLeast: 1 }
        - attribute: 'config["retention.ms"]'
          atMost:
            param: gdprMaxRetentionMs
        # With cleanup.policy=compact alone retention.ms deletes nothing: the latest event of
        # every key stays forever (the design document's customer-events topic is set that way).
        - attribute: 'config["cleanup.policy"]'
          contains: delete
          missing: pass

  - id: streams.min-insync-replicas
    title: Topics need two in-sync replicas to accept a write
    rationale: With one in-sync replica an acknowledged event can be lost with a single broker.
    severity: medium
    controls: [baseline/streams, Svenska_Betaltjänstlagen/resilience]
    remediation: >-
      Set min.insync.replicas to at least minInsyncReplicas, on each topic and in the cluster's
      aws_msk_configuration server_properties (the default for topics that don't set it).
    appliesTo: [kafka_topic, aws_msk_configuration]
    # Kafka's own default is 1, so the broker configuration must say it.
    rule:
      allOf:
        - resource: kafka_topic
          attribute: 'config["min.insync.replicas"]'
          atLeast: { param: minInsyncReplicas }
        - resource: aws_msk_configuration
          attribute: 'server_properties|properties["min.insync.replicas"]'
          atLeast: { param: minInsyncReplicas }

  - id: streams.replication-factor
    title: Topics are replicated to three brokers
    rationale: Replication factor 3 survives a broker loss during maintenance.
    severity: medium
    controls: [baseline/streams, Svenska_Betaltjänstlagen/resilience]
    remediation: >-
      Set replication_factor to at least minReplicationFactor, and default.replication.factor
      in the cluster's aws_msk_configuration server_properties.
    appliesTo: [kafka_topic, aws_msk_configuration]
    # Kafka's own default.replication.factor is 1, so the broker configuration must say it.
    rule:
      allOf:
        - resource: kafka_topic
          attribute: replication_factor
          atLeast: { param: minReplicationFactor }
        - resource: aws_msk_configuration
          attribute: 'server_properties|properties["default.replication.factor"]'
          atLeast: { param: minReplicationFactor }

  - id: streams.unclean-leader-election
    title: Unclean leader election is off
    rationale: An out-of-sync replica becoming leader silently drops acknowledged events.
    severity: medium
    controls: [baseline/streams, Svenska_Betaltjänstlagen/resilience]
    remediation: >-
      Set unclean.leader.election.enable = false in the cluster's aws_msk_configuration
      server_properties, and don't turn it on per topic.
    appliesTo: [kafka_topic, aws_msk_configuration]
    rule:
      allOf:
        # A topic that doesn't set it inherits the broker's setting, checked below.
        - resource: kafka_topic
          attribute: 'config["unclean.leader.election.enable"]'
          equals: false
          missing: pass
        # Kafka's default is off, but Amazon MSK's default configuration turns it on, so an MSK
        # configuration must say false.
        - resource: aws_msk_configuration
          attribute: 'server_properties|properties["unclean.leader.election.enable"]'
          equals: false

  - id: streams.no-auto-create-topics
    title: Kafka brokers don't create topics on first use
    rationale: >-
      An auto-created topic gets the broker's defaults instead of the declared retention and
      replication, so records can expire early, and the topic escapes the topic checks.
    severity: medium
    controls: [baseline/streams, Svenska_Betaltjänstlagen/record-keeping]
    remediation: >-
      Set auto.create.topics.enable=false in the aws_msk_configuration server_properties and
      declare every topic in Terraform (kafka_topic).
    appliesTo: [aws_msk_configuration]
    # Unset means Kafka's default (true) or MSK's (false) depending on the configuration in use:
    # a configuration must say it.
    rule:
      attribute: 'server_properties|properties["auto.create.topics.enable"]'
      equals: false

  - id: streams.no-topic-deletion
    title: Kafka brokers refuse to delete topics holding financial records
    rationale: >-
      Deleting a topic drops every event in it at once, records that must be kept 7 years
      among them; the audit trail must not depend on nobody running one command.
    severity: high
    controls:
      - baseline/record-keeping
      - Svenska_Betaltjänstlagen/record-keeping
      - Finansinspektionen/no-automatic-deletion
    remediation: Set delete.topic.enable=false in the aws_msk_configuration server_properties.
    appliesTo: [aws_msk_configuration]
    when: { classifications: [financial] }
    # Kafka's default is true.
    rule:
      attribute: 'server_properties|properties["delete.topic.enable"]'
      equals: false

  - id: streams.client-authentication
    title: Kafka clients must authenticate
    rationale: >-
      TLS only encrypts; without client authentication anyone who reaches a broker can read
      payment and personal events or write forged ones.
    severity: high
    controls: [baseline/exposure, GDPR/Art.32, Svenska_Betaltjänstlagen/security, PSD2/Art.95]
    remediation: >-
      Enable client_authentication (IAM, SCRAM or TLS certificates) with unauthenticated =
      false, or set ssl.client.auth=required in the cluster's aws_msk_configuration.
    appliesTo: [aws_msk_cluster]
    rule:
      anyOf:
        - allOf:
            - attribute: 'client_authentication[0].unauthenticated'
              equals: false
            - anyOf:
                - attribute: 'client_authentication[0].sasl[0].iam'
                  equals: true
                - attribute: 'client_authentication[0].sasl[0].scram'
                  equals: true
                - attribute: 'client_authentication[0].tls[0].certificate_authority_arns'
                  nonEmpty: true
        # The design document's cluster has no client_authentication block and requires
        # certificates in its configuration instead; the cluster must not also allow anonymous
        # clients explicitly.
        - allOf:
            - attribute: 'client_authentication[0].unauthenticated'
              notEquals: true
              missing: pass
            - linked:
                resource: aws_msk_configuration
                by: { arn: 'configuration_info[0].arn' }
                rule:
                  attribute: 'server_properties|properties["ssl.client.auth"]'
                  equals: required

  # --- Backups and deletion protection of production data stores ------------------------
  - id: backup.rds-retention
    title: Production databases keep automated backups
    rationale: Without backups a bad migration or deletion loses records that must be kept.
    severity: high
    controls:
      - baseline/resilience
      - PCI_DSS/Req.12.10
      - Svenska_Betaltjänstlagen/resilience
      - Copyright_Law/integrity
    remediation: Set backup_retention_period to at least minBackupRetentionDays.
    appliesTo: [aws_db_instance, aws_rds_cluster]
    where: { tag: environment, equals: production }
    rule:
      attribute: backup_retention_period
      atLeast:
        param: minBackupRetentionDays

  - id: backup.deletion-protection
    title: Production data stores have deletion protection
    rationale: One mistaken apply must not delete the system of record.
    severity: high
    controls:
      - baseline/resilience
      - Svenska_Betaltjänstlagen/resilience
      - Finansinspektionen/no-automatic-deletion
      - PSD2/Art.95
      - Copyright_Law/integrity
    remediation: Set deletion_protection (DynamoDB deletion_protection_enabled) = true.
    appliesTo: [aws_db_instance, aws_rds_cluster, aws_dynamodb_table]
    where: { tag: environment, equals: production }
    rule:
      allOf:
        - resource:
            - aws_db_instance
            - aws_rds_cluster
          attribute: deletion_protection
          equals: true
        - resource: aws_dynamodb_table
          attribute: deletion_protection_enabled
          equals: true

  - id: backup.dynamodb-pitr
    title: Production DynamoDB tables have point-in-time recovery
    rationale: PITR restores a table to any second of the last 35 days.
    severity: medium
    controls: [baseline/resilience, Copyright_Law/integrity]
    remediation: Enable point_in_time_recovery.
    appliesTo: [aws_dynamodb_table]
    where: { tag: environment, equals: production }
    rule: { attribute: 'point_in_time_recovery[0].enabled', equals: true }

  - id: backup.elasticache-snapshots
    title: Production Redis replication groups keep snapshots
    rationale: Snapshots let a cache that holds state (sessions, presence) recover.
    severity: low
    controls: [baseline/resilience]
    remediation: Set snapshot_retention_limit to at least 1.
    appliesTo: [aws_elasticache_replication_group]
    where: { tag: environment, equals: production }
    rule: { attribute: snapshot_retention_limit, atLeast: 1 }

  # --- Public exposure ------------------------------------------------------------------
  - id: exposure.s3-public-access-block
    title: S3 buckets block all public access
    rationale: A single public ACL or policy would publish the data.
    severity: critical
    controls: [baseline/exposure, GDPR/Art.25, PCI_DSS/Req.1]
    remediation: Add aws_s3_bucket_public_access_block with all four settings true.
    appliesTo: [aws_s3_bucket]
    rule:
      anyOf:
        - linked:
            resource: aws_s3_bucket_public_access_block
            by: { bucket: bucket }
            rule: &all-four
              allOf:
                - { attribute: block_public_acls, equals: true }
                - { attribute: block_public_policy, equals: true }
                - { attribute: ignore_public_acls, equals: true }
                - { attribute: restrict_public_buckets, equals: true }
        - linked:
            resource: aws_s3_account_public_access_block
            rule: *all-four

  - id: exposure.db-not-public
    title: Databases are not publicly accessible
    rationale: A public endpoint exposes the database to the internet's password guessing.
    severity: critical
    controls: [baseline/exposure, GDPR/Art.32, PCI_DSS/Req.1]
    remediation: Set publicly_accessible = false.
    appliesTo: [aws_db_instance, aws_rds_cluster_instance]
    rule: { attribute: publicly_accessible, equals: false, missing: pass }

  - id: exposure.open-ingress
    title: Only load balancers accept traffic from the internet, on 80/443
    rationale: Anything else open to 0.0.0.0/0 bypasses TLS termination and the WAF.
    severity: critical
    controls: [baseline/exposure, PCI_DSS/Req.1]
    remediation: Restrict ingress to the load balancer's security group or internal CIDRs.
    appliesTo: [aws_security_group]
    rule:
      forEach: ingress
      where: &open
        anyOf:
          - { attribute: cidr_blocks, contains: 0.0.0.0/0 }
          - { attribute: ipv6_cidr_blocks, contains: '::/0' }
      rule:
        allOf:
          - { attribute: from_port, in: { param: publicIngressPorts } }
          - { attribute: to_port, equals: { attribute: from_port } }
          - { linked: { resource: aws_lb, by: { security_groups: $.id } } }

  - id: exposure.open-ingress-rules
    title: Separate security group rules open only 80/443 on load balancers to the internet
    rationale: Same as exposure.open-ingress, for rules managed as their own resources.
    severity: critical
    controls: [baseline/exposure, PCI_DSS/Req.1]
    remediation: Restrict the rule's CIDR, or attach the group only to a load balancer on 80/443.
    appliesTo: [aws_security_group_rule]
    where: { allOf: [{ attribute: type, equals: ingress }, *open] }
    rule:
      allOf:
        - { attribute: from_port, in: { param: publicIngressPorts } }
        - { attribute: to_port, equals: { attribute: from_port } }
        - linked:
            resource: aws_lb
            by:
              security_groups: security_group_id

  # --- Ownership and tagging ------------------------------------------------------------
  - id: tagging.required-tags
    title: Resources carry the required tags
    rationale: Tags tie cost, incidents and audits to an owner and a classification.
    severity: medium
    controls: [baseline/ownership]
    remediation: Add the missing tags (provider default_tags make this hard to forget).
    appliesTo: ['*']
    rule: { tags: { required: { param: requiredTags } } }

  - id: ownership.team-tag
    title: The team tag names the catalog's owning squad
    rationale: A wrong owner sends incidents and audit questions to the wrong squad (ownership drift).
    severity: high
    controls: [baseline/ownership]
    remediation: Fix the tag, or the catalog owner if the service really moved.
    appliesTo: ['*']
    rule: { ownership: team-tag-matches-catalog }

  - id: ownership.tribe-tag
    title: The tribe tag names the owning squad's tribe
    rationale: Tribes answer for their squads' compliance.
    severity: medium
    controls: [baseline/ownership]
    remediation: Fix the tribe tag.
    appliesTo: ['*']
    rule: { ownership: tribe-tag-matches-catalog }

  - id: tagging.classification-matches-catalog
    title: The data-classification tag agrees with the catalog
    rationale: Downstream tooling (backup, DLP) acts on the tag.
    severity: medium
    controls: [baseline/ownership]
    remediation: Set the tag to the catalog's data classification.
    appliesTo: ['*']
    rule:
      tag: dataClassification
      like:
        param: dataClassification
      missing: skip

  - id: tagging.compliance-matches-catalog
    title: The compliance tag lists the declared requirements
    rationale: Auditors select resources in scope by this tag.
    severity: medium
    controls: [baseline/ownership]
    remediation: List every declared requirement in the tag, separated by commas (GCP labels, which allow no commas, by "--").
    appliesTo: ['*']
    rule:
      tag: compliance
      likeAll:
        param: complianceRequirements
      missing: skip

  - id: tagging.country
    title: The country tag names the country the organisation answers to
    rationale: Residency audits select resources by the country tag (Country = "Sweden").
    severity: low
    controls: [baseline/ownership]
    remediation: Set the Country tag to the policy's country (provider default_tags).
    appliesTo: ['*']
    rule: { tag: country, like: { param: country }, missing: skip }

  - id: tagging.organization
    title: The organization tag names the organisation
    rationale: Shared accounts and cost reports tell organisations apart by this tag.
    severity: low
    controls: [baseline/ownership]
    remediation: Set the Organization tag to the organisation's name (Backstage organization.name).
    appliesTo: ['*']
    rule: { tag: organization, like: { param: organization }, missing: skip }

  - id: ownership.chapter-tag
    title: The chapter tag names the chapter the service declares
    rationale: Chapters own the engineering practice; a wrong chapter sends reviews to the wrong people.
    severity: low
    controls: [baseline/ownership]
    remediation: Fix the Chapter tag, or the service's squad-insights.io/chapter annotation.
    appliesTo: ['*']
    rule: { ownership: chapter-tag-matches-catalog }

  - id: ownership.guild-tag
    title: The guild tag names the guild the service declares
    rationale: Guilds review practices across squads (security, data); they must find their services.
    severity: low
    controls: [baseline/ownership]
    remediation: Fix the Guild tag, or the service's squad-insights.io/guild annotation.
    appliesTo: ['*']
    rule: { ownership: guild-tag-matches-catalog }

  # --- Runtime (Consul) -----------------------------------------------------------------
  - id: runtime.consul-registered
    title: The service is registered in Consul
    rationale: Unregistered services escape health checks, intentions and the mesh.
    severity: medium
    controls: [baseline/runtime]
    remediation: Register the service (the name in squad-insights.io/consul-service).
    appliesTo: [consul]
    rule: { attribute: registered, equals: true }

  - id: runtime.consul-healthy
    title: All instances pass their health checks
    rationale: Failing instances degrade the service and hide errors.
    severity: medium
    controls: [baseline/runtime]
    remediation: Investigate the warning/critical checks.
    appliesTo: [consul]
    rule:
      forEach: instances
      nonEmpty: true
      rule:
        attribute: health
        equals: passing

  - id: runtime.consul-owner
    title: Consul meta names the catalog's owning squad
    rationale: On-call routing uses the runtime owner.
    severity: high
    controls: [baseline/ownership, baseline/runtime]
    remediation: Fix the team in Service.Meta.
    appliesTo: [consul]
    rule: { ownership: team-tag-matches-catalog }

  - id: runtime.consul-tribe
    title: Consul meta names the owning tribe
    rationale: Tribes answer for their squads' compliance.
    severity: medium
    controls: [baseline/ownership, baseline/runtime]
    remediation: Fix the tribe in Service.Meta.
    appliesTo: [consul]
    rule: { ownership: tribe-tag-matches-catalog }

  - id: runtime.consul-compliance-meta
    title: Consul meta carries the declared compliance and classification
    rationale: Mesh policies and dashboards select services by this meta.
    severity: medium
    controls: [baseline/runtime]
    remediation: Set compliance and data-classification in Service.Meta as the catalog declares them.
    appliesTo: [consul]
    rule:
      allOf:
        - { tag: compliance, likeAll: { param: complianceRequirements } }
        - { tag: dataClassification, like: { param: dataClassification } }

  - id: runtime.consul-datacenter
    title: The service runs in an allowed datacenter
    rationale: The Consul datacenter is where the service processes data.
    severity: high
    controls: [baseline/residency, GDPR/Art.44]
    remediation: Run the service in a datacenter listed in allowedConsulDatacenters.
    appliesTo: [consul]
    rule: { attribute: datacenter, in: { param: allowedConsulDatacenters } }

  - id: runtime.consul-default-deny
    title: Service-to-service traffic is denied unless an intention allows it
    rationale: Default-allow lets any compromised service reach payment and personal data.
    severity: high
    controls: [baseline/exposure, PCI_DSS/Req.1]
    remediation: Run Consul with ACL default policy deny and explicit intentions.
    appliesTo: [consul]
    rule:
      attribute: intentions.defaultAllow
      equals: false
      missing: unknown

  # --- Financial records (Finansinspektionen) --------------------------------------------
  - id: records.no-automatic-expiry
    title: Lifecycle rules don't delete financial records before the record-keeping period
    rationale: The design document's financial services never delete automatically (prune false); an expiring lifecycle rule is an automatic deletion.
    severity: high
    controls: [Finansinspektionen/no-automatic-deletion]
    remediation: Remove the expiration, or make it at least recordRetentionDays; move old objects to a colder storage class instead.
    appliesTo: [aws_s3_bucket_lifecycle_configuration]
    rule:
      forEach: rule
      where: { attribute: status, equals: Enabled }
      rule:
        anyOf:
          - { attribute: expiration, nonEmpty: false }
          - attribute: 'expiration[0].days'
            atLeast: { param: recordRetentionDays }
          # A date-based or delete-marker-only expiration removes no current object early.
          - { attribute: 'expiration[0].days', atMost: 0 }

  - id: logging.cloudtrail-log-validation
    title: CloudTrail trails prove their logs unaltered
    rationale: An audit trail is only immutable when tampering shows; digest files make it so.
    severity: high
    controls: [Finansinspektionen/audit-trail, PCI_DSS/Req.10]
    remediation: Set enable_log_file_validation = true on the trail.
    appliesTo: [aws_cloudtrail]
    rule: { attribute: enable_log_file_validation, equals: true }

  # --- Attested controls -------------------------------------------------------------------
  # What no Terraform state or Consul view can show. A reviewer attests each with a statement
  # and an evidence link; until then the check is unknown, and an expired attestation fails it.
  - id: gdpr.erasure
    title: Personal data can be erased on request
    rationale: Art. 17 gives data subjects the right to erasure; only a tested procedure proves it.
    severity: high
    controls: [GDPR/Art.17]
    remediation: Attest the erasure procedure (runbook, last test) with a link to its evidence.
    appliesTo: [service]
    attested: { maxValidityDays: 365 }

  - id: gdpr.portability
    title: Personal data can be exported on request
    rationale: Art. 20 gives data subjects their data in a machine-readable format.
    severity: medium
    controls: [GDPR/Art.20]
    remediation: Attest the export procedure with a link to its evidence.
    appliesTo: [service]
    attested: { maxValidityDays: 365 }

  - id: gdpr.anonymisation-after-retention
    title: Personal data is anonymised when its retention ends
    rationale: The design document anonymises automatically after retention; storage limitation demands it.
    severity: medium
    controls: [GDPR/Art.5(1)(e)]
    remediation: Attest the anonymisation job and its schedule with a link to its evidence.
    appliesTo: [service]
    attested: { maxValidityDays: 365 }

  - id: psd2.strong-customer-authentication
    title: Payments require strong customer authentication
    rationale: PSD2 Art. 97 requires two independent factors (e.g. BankID) for electronic payments.
    severity: critical
    controls: [PSD2/Art.97]
    remediation: Attest the SCA flow (BankID/Freja eID integration) with a link to its evidence.
    appliesTo: [service]
    attested: { maxValidityDays: 365 }

  - id: aml.transaction-monitoring
    title: Transactions are monitored for money laundering
    rationale: The anti-money-laundering act requires monitoring and reporting of suspicious transactions.
    severity: high
    controls: [AML/monitoring]
    remediation: Attest the monitoring rules and the reporting routine with a link to their evidence.
    appliesTo: [service]
    attested: { maxValidityDays: 365 }
`;
