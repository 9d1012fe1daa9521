import { csvFileName, toCsv } from './csv';

describe('toCsv', () => {
  it('quotes only the fields that need it, doubling inner quotes, with CRLF line ends', () => {
    expect(
      toCsv(
        ['Service', 'Title', 'Failing checks'],
        [
          [
            'component:default/rights-ledger',
            'Rights ledger, "royalties" edition',
            2,
          ],
          ['component:default/podcast-ingest', 'Podcast ingest\nnightly', 0],
          ['component:default/user-identity', undefined, null],
        ],
      ),
    ).toBe(
      'Service,Title,Failing checks\r\n' +
        'component:default/rights-ledger,"Rights ledger, ""royalties"" edition",2\r\n' +
        'component:default/podcast-ingest,"Podcast ingest\nnightly",0\r\n' +
        'component:default/user-identity,,\r\n',
    );
  });

  it('keeps a title that a spreadsheet would run as a formula as text', () => {
    expect(
      toCsv(['Title'], [['=HYPERLINK("http://evil.example")'], [-3]]),
    ).toBe('Title\r\n"\'=HYPERLINK(""http://evil.example"")"\r\n-3\r\n');
  });
});

describe('csvFileName', () => {
  it('names the file with the day of the export', () => {
    expect(
      csvFileName('compliance-review', new Date('2026-11-26T08:15:00Z')),
    ).toBe('compliance-review-2026-11-26.csv');
  });
});
