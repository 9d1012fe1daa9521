import { trendSummary } from './TrendChart';

describe('trendSummary', () => {
  it('names the range and the first and last day of a longer history', () => {
    expect(
      trendSummary([
        { day: '2026-11-24', kwhPerDay: 31.2, co2eKgPerDay: 0.312 },
        { day: '2026-11-25', kwhPerDay: 30, co2eKgPerDay: 0.3 },
        { day: '2026-11-26', kwhPerDay: 38.9, co2eKgPerDay: 0.389 },
      ]),
    ).toBe(
      'Energy and emissions per day over 3 days, 2026-11-24 to 2026-11-26: 31,20 to 38,90 kWh/day, 0,312 to 0,389 kg CO2e/day.',
    );
  });

  it('speaks of one day, not "1 days" or a range, while there is a single snapshot', () => {
    expect(
      trendSummary([{ day: '2026-11-26', kwhPerDay: 30, co2eKgPerDay: 0.3 }]),
    ).toBe(
      'Energy and emissions of 1 day, 2026-11-26: 30,00 kWh/day, 0,300 kg CO2e/day.',
    );
  });
});
