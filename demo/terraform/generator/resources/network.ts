import { ACCOUNT_ID, arn, PRIMARY_REGION, VPC_ID } from '../aws';
import type { ServiceContext } from '../context';
import type { Ref } from '../state';

interface Rule {
  description: string;
  port: number;
  cidr?: string;
  fromGroup?: Ref;
}

const ALL_EGRESS = {
  cidr_blocks: ['0.0.0.0/0'],
  description: '',
  from_port: 0,
  ipv6_cidr_blocks: [],
  prefix_list_ids: [],
  protocol: '-1',
  security_groups: [],
  self: false,
  to_port: 0,
};

export function securityGroup(
  ctx: ServiceContext,
  opts: {
    module: string;
    tfName: string;
    name: string;
    description: string;
    ingress: Rule[];
  },
): Ref {
  const id = `sg-${ctx.ids.hex(`sg/${opts.name}`, 17)}`;
  return ctx.add({
    module: opts.module,
    type: 'aws_security_group',
    name: opts.tfName,
    schemaVersion: 1,
    tagged: true,
    extraTags: { Name: opts.name },
    attributes: {
      arn: arn('ec2', PRIMARY_REGION, `security-group/${id}`),
      description: opts.description,
      egress: [ALL_EGRESS],
      id,
      ingress: opts.ingress.map(rule => ({
        cidr_blocks: rule.cidr ? [rule.cidr] : [],
        description: rule.description,
        from_port: rule.port,
        ipv6_cidr_blocks: [],
        prefix_list_ids: [],
        protocol: 'tcp',
        security_groups: rule.fromGroup ? [rule.fromGroup.a.id] : [],
        self: false,
        to_port: rule.port,
      })),
      name: opts.name,
      name_prefix: '',
      owner_id: ACCOUNT_ID,
      revoke_rules_on_delete: false,
      timeouts: null,
      vpc_id: VPC_ID,
    },
    dependsOn: opts.ingress.map(r => r.fromGroup),
  });
}
