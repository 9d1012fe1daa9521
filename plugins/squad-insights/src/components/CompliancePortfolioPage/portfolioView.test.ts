import {
  describeFilters,
  pageQuery,
  readView,
  withoutFilters,
  withParam,
} from './portfolioView';

describe('readView', () => {
  it('reads filters, sort and page from the query string into the backend query', () => {
    const { view, problems } = readView(
      new URLSearchParams(
        'tribe=group:default/commerce-tribe&framework=PCI_DSS&status=failing&expiringWithinDays=30&q=pay&sort=failingChecks&order=desc&page=3&pageSize=25',
      ),
    );
    expect(problems).toEqual([]);
    expect(pageQuery(view)).toEqual({
      tribe: 'group:default/commerce-tribe',
      framework: 'PCI_DSS',
      status: 'failing',
      expiringWithinDays: 30,
      q: 'pay',
      sort: 'failingChecks',
      order: 'desc',
      offset: 50,
      limit: 25,
    });
  });

  it('drops values it cannot use and says which, where and what was expected', () => {
    const { view, problems } = readView(
      new URLSearchParams(
        'status=red&pageSize=5000&page=0&expiringWithinDays=soon&sort=owner',
      ),
    );
    expect(pageQuery(view)).toEqual({ offset: 0, limit: 50 });
    expect(problems).toEqual([
      'Ignored status=red in the address: expected failing, unknown, compliant.',
      'Ignored expiringWithinDays=soon in the address: expected a number of days from 1 to 3650.',
      'Ignored sort=owner in the address: expected service, squad, tribe, status, score, failingChecks, nextWaiverExpiry, lastReviewAt.',
      'Ignored page=0 in the address: expected a page number from 1.',
      'Ignored pageSize=5000 in the address: expected a page size from 1 to 1000.',
    ]);
  });
});

describe('withParam', () => {
  it('sets a filter and goes back to the first page', () => {
    const next = withParam(
      new URLSearchParams('status=failing&page=4'),
      'framework',
      'GDPR',
    );
    expect(next.toString()).toBe('status=failing&framework=GDPR');
  });

  it('removes a filter set to empty, and keeps the page when the page itself changes', () => {
    expect(
      withParam(new URLSearchParams('status=failing'), 'status', '').toString(),
    ).toBe('');
    expect(
      withParam(
        new URLSearchParams('status=failing&page=2'),
        'page',
        3,
      ).toString(),
    ).toBe('status=failing&page=3');
  });

  it('clears every filter but keeps sort and page size', () => {
    expect(
      withoutFilters(
        new URLSearchParams(
          'q=pay&status=failing&chapter=group:default/sre-chapter&guild=group:default/data-engineering-guild&sort=service&pageSize=25&page=2',
        ),
      ).toString(),
    ).toBe('sort=service&pageSize=25');
  });
});

describe('describeFilters', () => {
  it('names the active filters in words, with framework titles and short group refs', () => {
    const { view } = readView(
      new URLSearchParams(
        'squad=group:default/payments-squad&guild=group:default/security-engineering-guild&chapter=group:default/sre-chapter&framework=PCI_DSS&q=ledger',
      ),
    );
    expect(
      describeFilters(view, id => (id === 'PCI_DSS' ? 'PCI DSS v4.0' : id)),
    ).toEqual([
      'squad payments-squad',
      'chapter sre-chapter',
      'guild security-engineering-guild',
      'framework PCI DSS v4.0',
      'search “ledger”',
    ]);
  });
});
