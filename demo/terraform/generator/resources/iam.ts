import { iamArn } from '../aws';
import type { ServiceContext } from '../context';
import { jsonencode } from '../json';
import type { Ref } from '../state';

export interface RoleSpec {
  name: string;
  servicePrincipal: string;
  description: string;
  inlinePolicies?: Array<{ name: string; policy: string }>;
  managedPolicyArns?: string[];
}

/** Attributes of an `aws_iam_role` that the given AWS service may assume. */
export function iamRoleAttributes(ctx: ServiceContext, spec: RoleSpec) {
  return {
    arn: iamArn(`role/${spec.name}`),
    assume_role_policy: jsonencode({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: spec.servicePrincipal },
          Action: 'sts:AssumeRole',
        },
      ],
    }),
    create_date: ctx.created(`iam-role/${spec.name}`),
    description: spec.description,
    force_detach_policies: false,
    id: spec.name,
    inline_policy: spec.inlinePolicies ?? [],
    managed_policy_arns: spec.managedPolicyArns ?? [],
    max_session_duration: 3600,
    name: spec.name,
    name_prefix: '',
    path: '/',
    permissions_boundary: '',
    unique_id: `AROA${ctx.ids.upper(`iam-role/${spec.name}`, 17)}`,
  };
}

/** An IAM role plus one `aws_iam_role_policy` per inline policy. */
export function iamRole(
  ctx: ServiceContext,
  opts: {
    module: string;
    tfName: string;
    spec: RoleSpec;
    dependsOn?: Ref[];
    policyDependsOn?: Ref[];
  },
): Ref {
  const role = ctx.add({
    module: opts.module,
    type: 'aws_iam_role',
    name: opts.tfName,
    schemaVersion: 0,
    tagged: true,
    attributes: iamRoleAttributes(ctx, opts.spec),
    dependsOn: opts.dependsOn,
  });
  for (const policy of opts.spec.inlinePolicies ?? []) {
    ctx.add({
      module: opts.module,
      type: 'aws_iam_role_policy',
      name: opts.tfName,
      schemaVersion: 0,
      attributes: {
        id: `${opts.spec.name}:${policy.name}`,
        name: policy.name,
        name_prefix: '',
        policy: policy.policy,
        role: opts.spec.name,
      },
      dependsOn: [role, ...(opts.policyDependsOn ?? [])],
    });
  }
  for (const policyArn of opts.spec.managedPolicyArns ?? []) {
    ctx.add({
      module: opts.module,
      type: 'aws_iam_role_policy_attachment',
      name: opts.tfName,
      schemaVersion: 0,
      attributes: {
        // The SDK's unique id: role name, creation time with 4 fractional digits, counter.
        id: `${opts.spec.name}-${attachmentStamp(ctx, opts.spec.name)}00000001`,
        policy_arn: policyArn,
        role: opts.spec.name,
      },
      dependsOn: [role],
    });
  }
  return role;
}

function attachmentStamp(ctx: ServiceContext, role: string): string {
  const created = ctx.created(`iam-role/${role}`).replace(/\D/g, '');
  return `${created}${String(ctx.ids.int(`attach/${role}`, 0, 9999)).padStart(
    4,
    '0',
  )}`;
}
