import { Ids } from './ids';

/** The fake AWS account every demo state lives in. */
export const ACCOUNT_ID = '123456789012';

export const PRIMARY_REGION = 'eu-north-1'; // Stockholm
export const DR_REGION = 'eu-west-1'; // Ireland
export const US_REGION = 'us-east-1'; // only podcast-ingest's media bucket (deliberate)

export type Region =
  | typeof PRIMARY_REGION
  | typeof DR_REGION
  | typeof US_REGION;

const AWS = 'provider["registry.terraform.io/hashicorp/aws"]';

/** Provider addresses exactly as Terraform writes them into state. */
export const PROVIDERS = {
  aws: AWS,
  dr: `${AWS}.dr`,
  us: `${AWS}.us`,
  kafka: 'provider["registry.terraform.io/mongey/kafka"]',
  random: 'provider["registry.terraform.io/hashicorp/random"]',
} as const;

export const PROVIDER_REGION: Record<string, Region> = {
  [PROVIDERS.aws]: PRIMARY_REGION,
  [PROVIDERS.dr]: DR_REGION,
  [PROVIDERS.us]: US_REGION,
};

export const REGION_INFO: Record<
  Region,
  { description: string; short: string; s3ZoneId: string }
> = {
  'eu-north-1': {
    description: 'Europe (Stockholm)',
    short: 'eun1',
    s3ZoneId: 'Z3BAZG2TWCNX0D',
  },
  'eu-west-1': {
    description: 'Europe (Ireland)',
    short: 'euw1',
    s3ZoneId: 'Z1BKCTXD74EZPE',
  },
  'us-east-1': {
    description: 'US East (N. Virginia)',
    short: 'use1',
    s3ZoneId: 'Z3AQBSTGFYJSTF',
  },
};

export const AZS = ['eu-north-1a', 'eu-north-1b', 'eu-north-1c'];

// The shared VPC belongs to the platform team's own state; services only look it up.
const shared = new Ids('acme-music/shared-network');
export const VPC_ID = `vpc-${shared.hex('vpc', 17)}`;
export const VPC_CIDR = '10.40.0.0/16';
export const PRIVATE_SUBNETS = AZS.map(
  az => `subnet-${shared.hex(`private/${az}`, 17)}`,
);
export const PUBLIC_SUBNETS = AZS.map(
  az => `subnet-${shared.hex(`public/${az}`, 17)}`,
);
/** The account's S3 canonical user id (shown in bucket grants). */
export const CANONICAL_USER_ID = shared.hex('canonical-user', 64);
/** Per-account, per-region DNS label RDS puts into every endpoint. */
export const RDS_DNS_LABEL = `c${shared.lower('rds-dns-label', 11)}`;
export const ELASTICACHE_DNS_LABEL = shared.lower('elasticache-dns-label', 6);
export const RDS_HOSTED_ZONE_ID = 'Z2U1UWGXWH3E2B';
export const ALB_HOSTED_ZONE_ID = 'Z23TAZ7BGD6SJ7';
export const RDS_MONITORING_ROLE_ARN = `arn:aws:iam::${ACCOUNT_ID}:role/rds-enhanced-monitoring`;
export const API_CERTIFICATE_ARN = `arn:aws:acm:${PRIMARY_REGION}:${ACCOUNT_ID}:certificate/${shared.uuid(
  'acm/api',
)}`;
export const TERRAFORM_ROLE_ARN = `arn:aws:iam::${ACCOUNT_ID}:role/terraform-ci`;
export const TERRAFORM_ROLE_ID = `AROA${shared.upper('terraform-ci-role', 17)}`;

export function arn(service: string, region: string, resource: string): string {
  return `arn:aws:${service}:${region}:${ACCOUNT_ID}:${resource}`;
}

export function iamArn(resource: string): string {
  return `arn:aws:iam::${ACCOUNT_ID}:${resource}`;
}
