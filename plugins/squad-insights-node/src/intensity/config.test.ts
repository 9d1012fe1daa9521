import { ConfigReader } from '@backstage/config';
import { ElectricityMapsClient } from './ElectricityMapsClient';
import { readIntensityClient } from './config';
import type { GridIntensityProviderFactory } from './types';

const config = (intensity?: object) =>
  new ConfigReader({
    squadInsights: { sustainability: intensity ? { intensity } : {} },
  });

/** A module's provider type, remembering the section it was built from. */
const fixed: GridIntensityProviderFactory = {
  type: 'fixed',
  create: section => {
    const zone = section.getString('zone');
    return {
      history: async () => {
        throw new Error(`only ${zone}`);
      },
    };
  },
};

describe('readIntensityClient', () => {
  it('reads nothing when intensity is not configured', () => {
    expect(readIntensityClient(config(), { factories: [fixed] })).toBe(
      undefined,
    );
  });

  it('builds the built-in Electricity Maps client when no type is set', () => {
    const read = readIntensityClient(
      config({ baseUrl: 'https://api.example.com', zones: ['DE'] }),
    );
    expect(read?.client).toBeInstanceOf(ElectricityMapsClient);
    expect(read?.zones).toEqual(['DE']);
  });

  it('builds a module’s provider from the intensity section when its type is set', async () => {
    const read = readIntensityClient(
      config({ type: 'fixed', zone: 'SE3', zones: ['FI'] }),
      { factories: [fixed] },
    );
    expect(read?.zones).toEqual(['FI']);
    await expect(read!.client.history('SE1')).rejects.toThrow('only SE3');
  });

  it.each([
    [
      { type: 'watttime' },
      [fixed],
      'Unknown grid intensity provider type "watttime" at squadInsights.sustainability.intensity.type; expected one of electricity-maps, fixed',
    ],
    [
      { type: 'fixed' },
      [fixed],
      "Invalid grid intensity provider at squadInsights.sustainability.intensity: Missing required config value at 'squadInsights.sustainability.intensity.zone'",
    ],
    [
      { baseUrl: 'https://api.example.com' },
      [{ ...fixed, type: 'electricity-maps' }],
      'Grid intensity provider type "electricity-maps" is registered twice',
    ],
  ])('refuses a bad type or section %#', (intensity, factories, message) => {
    expect(() => readIntensityClient(config(intensity), { factories })).toThrow(
      message,
    );
  });
});
