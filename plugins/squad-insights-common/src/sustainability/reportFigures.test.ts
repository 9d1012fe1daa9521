import { buildSustainabilityReport, ReportDay } from './report';
import {
  figureText,
  reportFigures,
  sustainabilityReportCsv,
} from './reportFigures';

const zero = { kwhPerDay: 0, co2eKgPerDay: 0 };
const day = (d: string, kwh: number, co2e: number): ReportDay => ({
  day: d,
  kwhPerDay: kwh,
  co2eKgPerDay: co2e,
  breakdown: {
    compute: zero,
    memory: zero,
    storage: zero,
    network: zero,
    embodied: { kwhPerDay: 0, co2eKgPerDay: 0.5 },
  },
});

// One service, 1 November day: 1.234 kWh × 30 = 37.02 kWh; 2.5 kg × 30 = 75 kg (15 embodied),
// × 1.25 SEK = 93.75 SEK. October: 1 day of 1.234 kWh × 31 = 38.254 kWh → −3.23 %.
const report = buildSustainabilityReport({
  month: '2026-11',
  scope: { kind: 'tribe', ref: 'group:default/commerce', title: 'Commerce' },
  generatedAt: '2026-12-02T00:00:00Z',
  services: [
    {
      entityRef: '=1+2',
      group: 'group:default/checkout',
      history: [day('2026-10-02', 1.234, 2.5), day('2026-11-02', 1.234, 2.5)],
    },
  ],
});

describe('report figures', () => {
  it('rounds once per unit', () => {
    expect(figureText(37.02, 'kWh')).toBe('37.0');
    expect(figureText(93.75, 'SEK')).toBe('94');
    expect(figureText(-0.01, '%')).toBe('0.0');
    expect(figureText(null, '%')).toBe('');
  });

  it('lists the summary with operational and embodied CO2e and the trend', () => {
    const summary = reportFigures(report).filter(f => f.section === 'summary');
    const value = (metric: string, unit = '') =>
      summary.find(f => f.metric === metric && (!unit || f.unit === unit))
        ?.value;
    expect(value('energy')).toBe('37.0');
    expect(value('co2e')).toBe('75.0');
    expect(value('co2e operational')).toBe('60.0');
    expect(value('co2e embodied')).toBe('15.0');
    expect(value('carbon tax')).toBe('94');
    expect(value('energy change from previous month')).toBe('-3.2');
    expect(value('meets renewable threshold')).toBe('unknown');
  });

  it('writes every figure as one CSV row, neutralising formulas in names', () => {
    const csv = sustainabilityReportCsv(report);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('month,scope,section,item,metric,value,unit,note');
    expect(lines).toHaveLength(reportFigures(report).length + 2); // header + trailing CRLF
    expect(csv).toContain(
      '2026-11,group:default/commerce,summary,group:default/commerce,energy,37.0,kWh,',
    );
    expect(csv).toContain(
      "2026-11,group:default/commerce,service,'=1+2,energy,37.0,kWh,1 of 30 days recorded",
    );
    // Negative numbers are numbers, not formulas.
    expect(csv).toMatch(/energy change from previous month,-3\.2,%,/);
  });
});
