import { parseStateReference } from './stateReference';

const sourceIds = ['demo', 'prod-s3', 'consul'];

describe('parseStateReference', () => {
  it.each([
    [
      'demo:payment-processing/terraform.tfstate',
      { sourceId: 'demo', key: 'payment-processing/terraform.tfstate' },
    ],
    [
      'prod-s3:env=prod/payments.tfstate',
      { sourceId: 'prod-s3', key: 'env=prod/payments.tfstate' },
    ],
    [
      ' consul:terraform/payments ',
      { sourceId: 'consul', key: 'terraform/payments' },
    ],
    [
      'demo:squads/terraform.tfstate#module.squad_microservice["payment-processing"]',
      {
        sourceId: 'demo',
        key: 'squads/terraform.tfstate',
        module: 'module.squad_microservice["payment-processing"]',
      },
    ],
    [
      'demo:squads.tfstate#module.a[0].module.b',
      {
        sourceId: 'demo',
        key: 'squads.tfstate',
        module: 'module.a[0].module.b',
      },
    ],
  ])('accepts %s', (ref, expected) => {
    expect(parseStateReference(ref, { sourceIds })).toEqual(expected);
  });

  it.each([
    ['payment-processing.tfstate', /must look like <source-id>:<key>/],
    [
      'other:x.tfstate',
      /names source "other", which is not configured \(configured: demo, prod-s3, consul\)/,
    ],
    ['demo:../../etc/passwd', /may not contain "\.\." path segments/],
    ['demo:a/./b', /may not contain "\." path segments/],
    ['demo:/etc/passwd', /absolute path/],
    ['demo:C:/state.tfstate', /absolute path/],
    ['demo:https://evil.example/state', /contains a URL/],
    ['demo:a//b', /invalid key/],
    ['demo:a\\..\\b', /invalid key/],
    ['demo:', /invalid key/],
    ['demo:~/state', /invalid key/],
    [
      'demo:squads.tfstate#aws_s3_bucket.data',
      /selects "aws_s3_bucket.data", which is not a module instance address/,
    ],
    ['demo:squads.tfstate#module.x["a"]/../b', /not a module instance address/],
    ['demo:squads.tfstate#', /not a module instance address/],
    ['demo:../x#module.a', /may not contain "\.\." path segments/],
  ])('refuses %s', (ref, message) => {
    expect(() => parseStateReference(ref, { sourceIds })).toThrow(message);
  });

  it('refuses a reference longer than storage holds, quoting only its start', () => {
    const key = `${'k'.repeat(300)}/${'v'.repeat(300)}.tfstate`;
    expect(() =>
      parseStateReference(`demo:${key.slice(0, 500)}`, { sourceIds }),
    ).not.toThrow();
    let message = '';
    try {
      parseStateReference(`demo:${key}`, { sourceIds });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toBe(
      `Terraform state reference "demo:${'k'.repeat(
        35,
      )}…" is 614 characters long; at most 512 are allowed`,
    );
  });

  it('refuses every source when none is configured', () => {
    expect(() => parseStateReference('demo:x', { sourceIds: [] })).toThrow(
      /no sources are configured/,
    );
  });
});
