import { parseBoth, v4Resource, v4State } from './__testUtils__/states';
import { deriveRegion } from './region';

describe('deriveRegion', () => {
  it.each([
    [
      'its own region attribute first',
      { region: 'eu-west-1', arn: 'arn:aws:sqs:us-east-1:1:q' },
      'x',
      'eu-west-1',
    ],
    [
      'a GCP region self-link',
      {
        region:
          'https://www.googleapis.com/compute/v1/projects/p/regions/us-central1',
      },
      undefined,
      'us-central1',
    ],
    [
      'the provider region before the ARN',
      { arn: 'arn:aws:sqs:us-east-1:1:q' },
      'eu-north-1',
      'eu-north-1',
    ],
    [
      'the ARN',
      { arn: 'arn:aws:lambda:eu-central-1:123456789012:function:f' },
      undefined,
      'eu-central-1',
    ],
    [
      'a GovCloud / China ARN',
      { arn: 'arn:aws-cn:ec2:cn-north-1:1:vpc/v' },
      undefined,
      'cn-north-1',
    ],
    [
      'another ARN attribute',
      {
        arn: 'arn:aws:iam::1:role/r',
        kms_key_arn: 'arn:aws:kms:ap-south-1:1:key/k',
      },
      undefined,
      'ap-south-1',
    ],
    [
      'an S3 bucket (empty ARN region) from its regional domain name',
      {
        arn: 'arn:aws:s3:::logs',
        bucket_regional_domain_name: 'logs.s3.eu-west-3.amazonaws.com',
      },
      undefined,
      'eu-west-3',
    ],
    [
      'nothing for an S3 bucket in the legacy global endpoint',
      {
        arn: 'arn:aws:s3:::logs',
        bucket_regional_domain_name: 'logs.s3.amazonaws.com',
      },
      undefined,
      undefined,
    ],
    [
      'an availability zone, letter stripped',
      { availability_zone: 'eu-north-1a' },
      undefined,
      'eu-north-1',
    ],
    [
      'a local zone',
      { availability_zone: 'us-west-2-lax-1a' },
      undefined,
      'us-west-2',
    ],
    [
      'the first of availability_zones',
      { availability_zones: ['ap-southeast-2b', 'ap-southeast-2c'] },
      undefined,
      'ap-southeast-2',
    ],
    ['a GCP zone', { zone: 'europe-west1-b' }, undefined, 'europe-west1'],
    [
      "a GCP VM's own zone over its provider's default region",
      { zone: 'europe-north1-a', machine_type: 'n2-standard-4' },
      'us-central1',
      'europe-north1',
    ],
    [
      'a GCP location that is a zone',
      { location: 'us-central1-a' },
      undefined,
      'us-central1',
    ],
    ['an Azure location', { location: 'westeurope' }, undefined, 'westeurope'],
    [
      'an Azure display location',
      { location: 'West Europe' },
      undefined,
      'westeurope',
    ],
    [
      'nothing for a global resource',
      { arn: 'arn:aws:iam::1:user/u' },
      undefined,
      undefined,
    ],
  ])('uses %s', (_, attrs, providerRegion, region) => {
    expect(deriveRegion(attrs, providerRegion)).toBe(region);
  });

  it('takes caller-supplied regions per provider configuration, aliases included', async () => {
    const resource = (name: string, provider: string) =>
      v4Resource(
        { type: 'aws_iam_role', name, provider },
        { arn: `arn:aws:iam::1:role/${name}` },
      );
    const inventory = await parseBoth(
      v4State([
        resource('a', 'provider["registry.terraform.io/hashicorp/aws"]'),
        resource('b', 'provider["registry.terraform.io/hashicorp/aws"].west'),
        resource('c', 'provider.aws.east'),
        resource(
          'd',
          'provider["registry.terraform.io/hashicorp/aws"].unknown',
        ),
      ]),
      {
        providerRegions: {
          aws: 'eu-north-1',
          'aws.west': 'us-west-2',
          'registry.terraform.io/hashicorp/aws.east': 'us-east-1',
        },
      },
    );
    expect(inventory.resources.map(r => r.instances[0].region)).toEqual([
      'eu-north-1',
      'us-west-2',
      'us-east-1',
      // An alias never falls back to the default configuration's region.
      undefined,
    ]);
  });
});
