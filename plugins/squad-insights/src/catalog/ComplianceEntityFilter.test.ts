import { evaluateFilterPredicate } from '@backstage/filter-predicates';
import { component } from './__testUtils__/catalogBackend';
import {
  ComplianceEntityFilter,
  isEmptySelection,
  refsQuery,
  selectionFromQuery,
  selectionToQuery,
} from './ComplianceEntityFilter';

describe('ComplianceEntityFilter', () => {
  const refs = [
    'component:default/payment-processing',
    'component:default/subscription-billing',
  ];

  it('lets through exactly the matching entities, on the catalog backend and in the browser', () => {
    const filter = new ComplianceEntityFilter(
      { status: 'failing', framework: 'PCI_DSS' },
      refs,
    );
    const query = filter.getCatalogQuery();
    expect(query).toEqual({
      $any: [
        {
          kind: 'component',
          'metadata.namespace': 'default',
          'metadata.name': {
            $in: ['payment-processing', 'subscription-billing'],
          },
        },
      ],
    });
    const inside = component('payment-processing');
    const outside = component('user-identity');
    // The catalog evaluates predicates case-insensitively, as the shared evaluator does.
    expect(evaluateFilterPredicate(query, inside)).toBe(true);
    expect(evaluateFilterPredicate(query, outside)).toBe(false);
    expect(filter.filterEntity(inside)).toBe(true);
    expect(filter.filterEntity(outside)).toBe(false);
  });

  it('matches nothing when no service matches, rather than everything', () => {
    const filter = new ComplianceEntityFilter({ status: 'failing' }, []);
    expect(filter.getCatalogQuery()).toEqual({ $any: [] });
    expect(
      evaluateFilterPredicate(
        filter.getCatalogQuery(),
        component('payment-processing'),
      ),
    ).toBe(false);
    expect(filter.filterEntity(component('payment-processing'))).toBe(false);
  });

  it('asks per kind and namespace, so refs from two namespaces do not mix', () => {
    const query = refsQuery([
      'component:default/a',
      'component:ops/a',
      'component:ops/b',
    ]);
    expect(query).toEqual({
      $any: [
        {
          kind: 'component',
          'metadata.namespace': 'default',
          'metadata.name': { $in: ['a'] },
        },
        {
          kind: 'component',
          'metadata.namespace': 'ops',
          'metadata.name': { $in: ['a', 'b'] },
        },
      ],
    });
    const opsB = {
      ...component('b'),
      metadata: { name: 'b', namespace: 'ops' },
    };
    const defaultB = component('b');
    expect(evaluateFilterPredicate(query, opsB)).toBe(true);
    expect(evaluateFilterPredicate(query, defaultB)).toBe(false);
  });

  it('keeps the selection in the URL and reads it back, ignoring what it does not know', () => {
    const selection = {
      status: 'failing',
      framework: 'PCI_DSS',
      tribe: 'group:default/commerce-tribe',
    } as const;
    const query = selectionToQuery(selection);
    expect(query).toEqual([
      'status:failing',
      'framework:PCI_DSS',
      'tribe:group:default/commerce-tribe',
    ]);
    expect(new ComplianceEntityFilter(selection, refs).toQueryValue()).toEqual(
      query,
    );
    expect(selectionFromQuery(query)).toEqual(selection);
    expect(
      selectionFromQuery(['status:green', 'owner:me', 'framework:', 42]),
    ).toEqual({});
    expect(selectionFromQuery('status:unknown')).toEqual({ status: 'unknown' });
    expect(isEmptySelection({})).toBe(true);
    expect(isEmptySelection({ tribe: 'group:default/commerce-tribe' })).toBe(
      false,
    );
  });
});
