import { isEvidenceUrl, latestAttestationExpiry } from './attestationRules';

describe('attestation rules', () => {
  it.each([
    ['https://wiki.acme-music.example/runbooks/erasure', true],
    [' http://jira.example/SEC-12 ', true],
    ['ftp://files.example/report.pdf', false],
    ['mailto:dpo@acme-music.example', false],
    ['data:text/html,hi', false],
    ['see the wiki', false],
    ['', false],
  ])('%s is an evidence link: %s', (value, ok) => {
    expect(isEvidenceUrl(value)).toBe(ok);
  });

  it("bounds the expiry by the check's maxValidityDays", () => {
    expect(
      latestAttestationExpiry(
        new Date('2026-12-02T12:00:00Z'),
        365,
      ).toISOString(),
    ).toBe('2027-12-02T12:00:00.000Z');
  });
});
