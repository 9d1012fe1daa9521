import type { GridIntensity } from './intensity';
import { measuredRenewableShares } from './measuredRenewableShares';

const hour = (datetime: string, renewableShare?: number) => ({
  datetime,
  gCo2ePerKwh: 30,
  renewableShare,
});
const se3: GridIntensity = {
  zone: 'SE3',
  kind: 'hourly',
  meanGCo2ePerKwh: 30,
  source: 'Electricity Maps',
  points: [
    hour('2026-10-31T23:00:00Z', 0.1), // the month before: not counted
    hour('2026-11-01T00:00:00Z', 0.6),
    hour('2026-11-01T01:00:00Z', 0.7),
    hour('2026-11-01T02:00:00Z'), // no power breakdown for this hour
    hour('2026-11-30T23:00:00Z', 0.8),
  ],
};

describe('measuredRenewableShares', () => {
  it("averages the month's hours that carry a share and gives it to every region of the zone", () => {
    const shares = measuredRenewableShares({ SE3: se3 }, '2026-11');
    // (0.6 + 0.7 + 0.8) / 3 = 0.7
    expect(shares['eu-north-1'].share).toBeCloseTo(0.7, 12);
    expect(shares['eu-north-1'].measured).toBe(true);
    expect(shares['eu-north-1'].source).toContain(
      '3 measured hours of SE3 in 2026-11',
    );
  });

  it('leaves out regions whose zone has no measured hour in the month', () => {
    expect(measuredRenewableShares({ SE3: se3 }, '2026-09')).toEqual({});
    expect(
      measuredRenewableShares(
        { SE3: { ...se3, points: [hour('2026-11-01T00:00:00Z')] } },
        '2026-11',
      ),
    ).toEqual({});
  });
});
