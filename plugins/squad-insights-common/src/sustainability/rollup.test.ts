import { DEMO_SERVICES, demoInventory } from './__testUtils__/demo';
import { estimateServiceFootprint } from './footprint';
import { rollupBy, rollupFootprints } from './rollup';

const WEEK = Date.parse('2025-01-15T12:00:00Z');
const footprints = Object.keys(DEMO_SERVICES).map(s =>
  estimateServiceFootprint(s, [demoInventory(s)], { weekOf: WEEK }),
);
const squadOf = (service: string) => DEMO_SERVICES[service][0];
const tribeOf = (service: string) => DEMO_SERVICES[service][1];

const sum = (values: number[]) => values.reduce((s, v) => s + v, 0);

describe('rollups', () => {
  const squads = rollupBy(footprints, f => squadOf(f.service));

  it('a squad equals the sum of its services', () => {
    const playlist = squads.find(s => s.name === 'playlist-squad')!;
    const parts = footprints.filter(
      f => squadOf(f.service) === 'playlist-squad',
    );
    expect(playlist.services).toEqual([
      'playlist-management',
      'playlist-collaboration',
    ]);
    expect(playlist.kwhPerDay).toBeCloseTo(
      sum(parts.map(p => p.kwhPerDay)),
      12,
    );
    expect(playlist.co2eKgPerMonth).toBeCloseTo(
      sum(parts.map(p => p.co2eKgPerMonth)),
      12,
    );
    expect(playlist.carbonTaxSekPerMonth).toBeCloseTo(
      sum(parts.map(p => p.carbonTaxSekPerMonth)),
      12,
    );
    expect(playlist.breakdown.memory.co2eKgPerDay).toBeCloseTo(
      sum(parts.map(p => p.breakdown.memory.co2eKgPerDay)),
      12,
    );
    expect(playlist.notEstimated).toHaveLength(
      sum(parts.map(p => p.notEstimated.length)),
    );
    expect(playlist.coverage.notMade).toBe(
      sum(parts.map(p => p.coverage.notMade)),
    );
  });

  it('a tribe from its squads equals the tribe from its services', () => {
    for (const tribe of new Set(
      Object.values(DEMO_SERVICES).map(([, t]) => t),
    )) {
      const fromSquads = rollupFootprints(
        tribe,
        squads.filter(s => tribeOf(s.services[0]) === tribe),
      );
      const fromServices = rollupFootprints(
        tribe,
        footprints.filter(f => tribeOf(f.service) === tribe),
      );
      expect(fromSquads.services.sort()).toEqual(fromServices.services.sort());
      for (const key of [
        'kwhPerDay',
        'co2eKgPerDay',
        'co2eKgPerMonth',
        'carbonTaxSekPerMonth',
      ] as const) {
        expect(fromSquads[key]).toBeCloseTo(fromServices[key], 12);
      }
      expect(fromSquads.renewableShare).toBeCloseTo(
        fromServices.renewableShare!,
        12,
      );
      expect(fromSquads.coverage).toEqual(fromServices.coverage);
    }
  });

  it('all tribes add up to all services', () => {
    const tribes = rollupBy(footprints, f => tribeOf(f.service));
    const all = rollupFootprints('acme-music', tribes);
    expect(all.services).toHaveLength(10);
    expect(all.co2eKgPerDay).toBeCloseTo(
      sum(footprints.map(f => f.co2eKgPerDay)),
      12,
    );
    expect(all.byRegion['eu-north-1'].kwhPerDay).toBeCloseTo(
      sum(footprints.map(f => f.byRegion['eu-north-1']?.kwhPerDay ?? 0)),
      12,
    );
  });
});
