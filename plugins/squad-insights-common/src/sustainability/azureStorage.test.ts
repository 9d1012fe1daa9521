import { readAzureStorage } from './azureStorage';
import { CCF_AZURE } from './azureCoefficients';
import type { ReadContext } from './ecs';
import { inventoryFromV4 } from './__testUtils__/tfstate';

const AZURERM = 'provider["registry.terraform.io/hashicorp/azurerm"]';

describe('readAzureStorage: storage accounts', () => {
  const inventory = inventoryFromV4({
    resources: [
      {
        mode: 'managed',
        type: 'azurerm_storage_account',
        name: 'media',
        provider: AZURERM,
        instances: [
          {
            attributes: {
              name: 'stmedia',
              location: 'westeurope',
              account_replication_type: 'LRS',
            },
          },
        ],
      },
    ],
  });
  const ctx = {
    regionOf: (r: string | undefined) => r,
  } as unknown as ReadContext;

  it('counts a sized account once, at its replication', () => {
    const notEstimated: never[] = [];
    const usage = readAzureStorage(
      [inventory],
      ctx,
      { 'azurerm_storage_account.media': 500 },
      notEstimated,
    );
    expect(usage).toHaveLength(1);
    expect(usage[0]).toEqual(
      expect.objectContaining({
        cloud: 'azure',
        medium: 'SSD',
        gigabytes: 500,
        replicationFactor: CCF_AZURE.replicationFactors.STORAGE_LRS,
      }),
    );
    expect(notEstimated).toEqual([]);
  });

  it('names an unsized account once as not estimated', () => {
    const notEstimated: unknown[] = [];
    expect(
      readAzureStorage([inventory], ctx, {}, notEstimated as never[]),
    ).toEqual([]);
    expect(notEstimated).toHaveLength(1);
  });
});
