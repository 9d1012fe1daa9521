import { expandFlatmap } from './flatmap';

describe('expandFlatmap', () => {
  it.each([
    ['a primitive', { name: 'web' }, { name: 'web' }],
    [
      'a map, keys with dots kept whole',
      { 'tags.%': '2', 'tags.Name': 'a', 'tags.k8s.io/role': 'b' },
      { tags: { Name: 'a', 'k8s.io/role': 'b' } },
    ],
    ['an empty map', { 'tags.%': '0' }, { tags: {} }],
    [
      'a list in index order',
      { 'l.#': '3', 'l.10': 'c', 'l.2': 'b', 'l.0': 'a' },
      { l: ['a', 'b', 'c'] },
    ],
    ['an empty list', { 'l.#': '0' }, { l: [] }],
    [
      'a set of blocks keyed by hash',
      {
        'ingress.#': '1',
        'ingress.4711.from_port': '443',
        'ingress.4711.cidr_blocks.#': '1',
        'ingress.4711.cidr_blocks.0': '0.0.0.0/0',
      },
      { ingress: [{ from_port: '443', cidr_blocks: ['0.0.0.0/0'] }] },
    ],
    [
      'a nested map inside a list',
      { 'b.#': '1', 'b.0.tags.%': '1', 'b.0.tags.a': '1' },
      { b: [{ tags: { a: '1' } }] },
    ],
    [
      'a block without count',
      { 'timeouts.create': '5m' },
      { timeouts: { create: '5m' } },
    ],
    [
      'a v2 map counted with #',
      { 'm.#': '1', 'm.key': 'v' },
      { m: { key: 'v' } },
    ],
    [
      'top-level names that look like counters',
      { '%': 'x', '#': 'y' },
      { '%': 'x', '#': 'y' },
    ],
  ])('rebuilds %s', (_, flat, nested) => {
    expect(expandFlatmap(flat)).toEqual(nested);
  });

  it('ignores values that are not strings', () => {
    expect(expandFlatmap({ a: 1, b: 'x' })).toEqual({ b: 'x' });
  });
});
