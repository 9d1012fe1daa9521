import {
  ACCOUNT_ID,
  DR_REGION,
  PRIMARY_REGION,
  PRIVATE_SUBNETS,
  PROVIDERS,
  PUBLIC_SUBNETS,
  REGION_INFO,
  Region,
  TERRAFORM_ROLE_ARN,
  TERRAFORM_ROLE_ID,
  VPC_ID,
} from '../aws';
import type { ServiceContext } from '../context';
import type { Ref } from '../state';

function region(
  ctx: ServiceContext,
  name: string,
  provider: string,
  r: Region,
): Ref {
  return ctx.add({
    mode: 'data',
    type: 'aws_region',
    name,
    provider,
    schemaVersion: 0,
    attributes: {
      description: REGION_INFO[r].description,
      endpoint: `ec2.${r}.amazonaws.com`,
      id: r,
      name: r,
    },
  });
}

function subnets(
  ctx: ServiceContext,
  name: string,
  tier: string,
  ids: string[],
): Ref {
  return ctx.add({
    mode: 'data',
    type: 'aws_subnets',
    name,
    schemaVersion: 0,
    attributes: {
      filter: [
        { name: 'vpc-id', values: [VPC_ID] },
        { name: 'tag:tier', values: [tier] },
      ],
      id: PRIMARY_REGION,
      ids,
      tags: null,
      timeouts: null,
    },
  });
}

/** Root-module data sources: who applies, where, and the platform team's shared subnets. */
export function dataSources(ctx: ServiceContext) {
  const session = `terraform-${ctx.name}-${ctx.ids.lower('ci-session', 8)}`;
  ctx.add({
    mode: 'data',
    type: 'aws_caller_identity',
    name: 'current',
    schemaVersion: 0,
    attributes: {
      account_id: ACCOUNT_ID,
      arn: `arn:aws:sts::${ACCOUNT_ID}:assumed-role/${TERRAFORM_ROLE_ARN.split(
        '/',
      ).pop()}/${session}`,
      id: ACCOUNT_ID,
      user_id: `${TERRAFORM_ROLE_ID}:${session}`,
    },
  });
  region(ctx, 'current', PROVIDERS.aws, PRIMARY_REGION);
  region(ctx, 'dr', PROVIDERS.dr, DR_REGION);
  return {
    privateSubnets: subnets(ctx, 'private', 'private', PRIVATE_SUBNETS),
    publicSubnets: subnets(ctx, 'public', 'public', PUBLIC_SUBNETS),
  };
}
