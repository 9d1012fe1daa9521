// Attribute shapes of real AWS provider resources, for the benchmark's generated states.

const REGIONS = [
  'eu-north-1',
  'eu-west-1',
  'us-east-1',
  'us-west-2',
  'ap-southeast-2',
];
const TEAMS = ['payments', 'search', 'identity', 'platform', 'data'];
const hex = (r: () => number, n: number) =>
  Array.from({ length: n }, () => Math.floor(r() * 16).toString(16)).join('');

/** Plausible attributes of one instance of `type`. */
export function attributesFor(
  type: string,
  i: number,
  r: () => number,
): Record<string, unknown> {
  const region = REGIONS[Math.floor(r() * REGIONS.length)];
  const account = String(100000000000 + Math.floor(r() * 899999999999));
  const id = `${type.split('_')[1]}-${hex(r, 17)}`;
  const tags = {
    Name: `${type}-${i}`,
    Team: TEAMS[i % TEAMS.length],
    CostCenter: `cc-${i % 97}`,
  };
  const common = {
    id,
    arn: `arn:aws:${type.split('_')[1]}:${region}:${account}:${id}`,
    tags,
    tags_all: { ...tags, ManagedBy: 'terraform', Environment: 'prod' },
    timeouts: null,
  };
  switch (type) {
    case 'aws_instance':
      return {
        ...common,
        ami: `ami-${hex(r, 17)}`,
        availability_zone: `${region}a`,
        instance_type: 'm6i.large',
        private_ip: `10.${i % 255}.${Math.floor(r() * 255)}.${Math.floor(
          r() * 255,
        )}`,
        vpc_security_group_ids: [`sg-${hex(r, 17)}`, `sg-${hex(r, 17)}`],
        root_block_device: [
          {
            volume_size: 50,
            volume_type: 'gp3',
            encrypted: true,
            iops: 3000,
            kms_key_id: `arn:aws:kms:${region}:${account}:key/${hex(r, 32)}`,
          },
        ],
        metadata_options: [
          {
            http_endpoint: 'enabled',
            http_tokens: 'required',
            http_put_response_hop_limit: 2,
          },
        ],
        user_data: hex(r, 40),
      };
    case 'aws_security_group':
      return {
        ...common,
        name: `sg-${i}`,
        description: 'Managed by Terraform',
        ingress: Array.from({ length: 4 }, (_, k) => ({
          from_port: 443 + k,
          to_port: 443 + k,
          protocol: 'tcp',
          cidr_blocks: ['10.0.0.0/8'],
          description: `rule ${k}`,
          self: false,
          security_groups: [],
          prefix_list_ids: [],
          ipv6_cidr_blocks: [],
        })),
        egress: [
          {
            from_port: 0,
            to_port: 0,
            protocol: '-1',
            cidr_blocks: ['0.0.0.0/0'],
          },
        ],
      };
    case 'aws_iam_policy':
      return {
        ...common,
        arn: `arn:aws:iam::${account}:policy/p-${i}`,
        policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: Array.from({ length: 6 }, (_, k) => ({
            Effect: 'Allow',
            Action: [`s3:GetObject`, `s3:PutObject`, `kms:Decrypt`],
            Resource: [`arn:aws:s3:::bucket-${i}-${k}/*`],
          })),
        }),
      };
    case 'aws_db_instance':
      return {
        ...common,
        engine: 'postgres',
        engine_version: '16.3',
        instance_class: 'db.r6g.large',
        allocated_storage: 100,
        password: hex(r, 24),
        username: 'app',
        multi_az: true,
        endpoint: `db-${i}.${hex(r, 12)}.${region}.rds.amazonaws.com:5432`,
      };
    default:
      return {
        ...common,
        bucket: `bucket-${i}-${hex(r, 8)}`,
        bucket_regional_domain_name: `bucket-${i}.s3.${region}.amazonaws.com`,
        versioning: [{ enabled: true, mfa_delete: false }],
        lifecycle_rule: [],
        server_side_encryption_configuration: [
          {
            rule: [
              {
                apply_server_side_encryption_by_default: [
                  { sse_algorithm: 'aws:kms' },
                ],
              },
            ],
          },
        ],
      };
  }
}
