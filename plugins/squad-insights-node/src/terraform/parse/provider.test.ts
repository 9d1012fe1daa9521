import { parseProviderConfig, providerRegionKeys } from './provider';

describe('parseProviderConfig', () => {
  it.each([
    [
      'provider["registry.terraform.io/hashicorp/aws"]',
      'registry.terraform.io/hashicorp/aws',
      undefined,
    ],
    [
      'provider["registry.terraform.io/hashicorp/aws"].west',
      'registry.terraform.io/hashicorp/aws',
      'west',
    ],
    [
      'module.a.provider["registry.terraform.io/scaleway/scaleway"]',
      'registry.terraform.io/scaleway/scaleway',
      undefined,
    ],
    [
      'provider["registry.opentofu.org/-/null"]',
      'registry.opentofu.org/hashicorp/null',
      undefined,
    ],
    [
      'provider["terraform.io/builtin/terraform"]',
      'terraform.io/builtin/terraform',
      undefined,
    ],
    ['provider.aws', 'registry.terraform.io/hashicorp/aws', undefined],
    ['provider.aws.west', 'registry.terraform.io/hashicorp/aws', 'west'],
    [
      'module.child.provider.google',
      'registry.terraform.io/hashicorp/google',
      undefined,
    ],
    ['aws.west', 'registry.terraform.io/hashicorp/aws', 'west'],
    ['', 'registry.terraform.io/hashicorp/azurerm', undefined],
  ])('reads %j', (raw, source, alias) => {
    const type = raw ? 'aws_instance' : 'azurerm_resource_group';
    expect(parseProviderConfig(raw, type)).toEqual(
      alias ? { source, alias } : { source },
    );
  });

  it('offers the full and the short key, with the alias', () => {
    expect(
      providerRegionKeys({
        source: 'registry.terraform.io/hashicorp/aws',
        alias: 'west',
      }),
    ).toEqual(['registry.terraform.io/hashicorp/aws.west', 'aws.west']);
    expect(
      providerRegionKeys({ source: 'registry.terraform.io/hashicorp/aws' }),
    ).toEqual(['registry.terraform.io/hashicorp/aws', 'aws']);
  });
});
