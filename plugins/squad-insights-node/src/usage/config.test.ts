import { ConfigReader } from '@backstage/config';
import { cloudWatchUsageSourceFactory, readUsageSources } from './config';
import type { UsageSourceFactory } from './types';

type JsonObject = NonNullable<ConstructorParameters<typeof ConfigReader>[0]>;
const config = (usage: JsonObject) =>
  new ConfigReader({ squadInsights: { sustainability: { usage } } });

/** A module's type: fixed figures per configured service. */
const fixed: UsageSourceFactory = {
  type: 'fixed',
  create(entry) {
    const services = entry.getStringArray('services');
    return {
      id: entry.getString('id'),
      covers: ref => services.includes(ref),
      read: async () => ({ measured: {} as any, missing: [] }),
    };
  },
};

describe('readUsageSources', () => {
  it('reads the entries of each type under its key, built-in CloudWatch first', () => {
    const sources = readUsageSources(
      config({
        cloudwatch: [{ id: 'aws', region: 'eu-north-1' }],
        fixed: [{ id: 'lab', services: ['component:default/a'] }],
        schedule: { frequency: { hours: 24 }, timeout: { minutes: 5 } },
      }),
      { factories: [fixed] },
    );
    expect(sources.map(s => s.id)).toEqual(['aws', 'lab']);
    expect(sources[1].covers('component:default/a')).toBe(true);
    expect(sources[1].covers('component:default/b')).toBe(false);
  });

  it('measures nothing when no type has entries', () => {
    expect(readUsageSources(config({}), { factories: [fixed] })).toEqual([]);
  });

  it.each([
    [
      { fixed: [{ id: 'lab' }] },
      [fixed],
      "Invalid usage source at squadInsights.sustainability.usage.fixed[0]: Missing required config value at 'squadInsights.sustainability.usage.fixed[0].services'",
    ],
    [
      {
        cloudwatch: [{ id: 'lab', region: 'eu-north-1' }],
        fixed: [{ id: 'lab', services: [] }],
      },
      [fixed],
      'Duplicate usage source id "lab" at squadInsights.sustainability.usage.fixed[0] (already used at squadInsights.sustainability.usage.cloudwatch[0])',
    ],
    [
      {},
      [{ ...fixed, type: 'cloudwatch' }],
      'Usage source type "cloudwatch" is registered twice',
    ],
    [
      {},
      [{ ...fixed, type: 'schedule' }],
      'Invalid usage source type "schedule"',
    ],
  ])('refuses bad config or factories %#', (usage, factories, message) => {
    expect(() => readUsageSources(config(usage), { factories })).toThrow(
      message,
    );
  });

  it('builds CloudWatch sources through the same factory interface', () => {
    const factory = cloudWatchUsageSourceFactory();
    expect(factory.type).toBe('cloudwatch');
    const source = factory.create(
      new ConfigReader({
        id: 'aws',
        region: 'eu-north-1',
        services: ['checkout'],
      }),
      { rootConfig: new ConfigReader({}) },
    );
    expect(source.id).toBe('aws');
    expect(source.covers('component:default/checkout')).toBe(true);
    expect(source.covers('component:default/other')).toBe(false);
  });
});
