import { githubTopicsFilter, toTopics } from './githubTopics';

describe('githubTopics filter', () => {
  it("turns requirement names into GitHub's topic form, dropping empties and duplicates", () => {
    expect(
      toTopics([
        'squad-payments',
        'data-user_behavioral',
        'PCI_DSS',
        'Svenska_Betaltjänstlagen',
        'GDPR',
        'gdpr',
        ' ',
        `x${'y'.repeat(60)}`,
      ]),
    ).toEqual([
      'squad-payments',
      'data-user-behavioral',
      'pci-dss',
      'svenska-betaltjanstlagen',
      'gdpr',
      `x${'y'.repeat(49)}`,
    ]);
  });

  it('is registered as githubTopics', () => {
    expect(githubTopicsFilter.id).toBe('githubTopics');
    expect(githubTopicsFilter.filter(['Music_Rights'])).toEqual([
      'music-rights',
    ]);
  });
});
