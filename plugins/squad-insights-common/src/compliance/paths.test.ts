import { OPERATORS } from './operators';
import { formatPath, getPath, parsePath, PathStep } from './paths';

describe('paths', () => {
  it.each<[string, PathStep[]]>([
    ['storage_encrypted', ['storage_encrypted']],
    [
      'encryption_info[0].encryption_in_transit[0].client_broker',
      ['encryption_info', 0, 'encryption_in_transit', 0, 'client_broker'],
    ],
    ['config["retention.ms"]', ['config', 'retention.ms']],
    ['meta.data-classification', ['meta', 'data-classification']],
    [
      'server_properties|properties["min.insync.replicas"]',
      ['server_properties', { parse: 'properties' }, 'min.insync.replicas'],
    ],
    ['policy|json.Statement[0]', ['policy', { parse: 'json' }, 'Statement', 0]],
  ])('parses %s', (text, segments) => {
    expect(parsePath(text)).toEqual(segments);
    expect(formatPath(segments)).toBe(text);
  });

  it.each(['', 'a..b', 'a.', 'a[x]', '[0', 'a["b]', '|json', 'a.|json'])(
    'rejects %j',
    text => {
      expect(() => parsePath(text)).toThrow();
    },
  );

  it('names the known parsers when a parse step is unknown', () => {
    expect(() => parsePath('server_properties|yaml.a')).toThrow(
      'bad path "server_properties|yaml.a": unknown parser "|yaml" at position 17; parsers are |properties, |json',
    );
  });

  it('reads into text attributes through parse steps', () => {
    const value = {
      server_properties: 'min.insync.replicas=2  # two\n',
      policy: '{"Statement":[{"Effect":"Deny"}]}',
      broken: '{"Statement":',
      number: 3,
    };
    const get = (p: string) => getPath(value, parsePath(p));
    expect(get('server_properties|properties["min.insync.replicas"]')).toBe(
      '2',
    );
    expect(get('server_properties|properties["absent"]')).toBeUndefined();
    expect(get('policy|json.Statement[0].Effect')).toBe('Deny');
    expect(get('broken|json.Statement')).toBeUndefined();
    expect(get('number|properties')).toBeUndefined();
  });

  it('reads without copying and stops at missing steps', () => {
    const value = { a: [{ b: { 'c.d': 1 } }] };
    expect(getPath(value, parsePath('a[0].b["c.d"]'))).toBe(1);
    expect(getPath(value, parsePath('a[1].b'))).toBeUndefined();
    expect(getPath(value, parsePath('a[0].b'))).toBe(value.a[0].b);
  });
});

describe('operators', () => {
  it('coerce the strings Terraform and Kafka use for typed values', () => {
    expect(OPERATORS.atLeast('220898664000', 220752000000)).toBe(true);
    expect(OPERATORS.equals('false', false)).toBe(true);
    expect(OPERATORS.in(443, ['80', '443'])).toBe(true);
    expect(OPERATORS.in('8080', [80, 443])).toBe(false);
    expect(OPERATORS.atMost('forever', 1)).toBe(false);
    expect(OPERATORS.containsAll('GDPR:PCI_DSS', ['PCI_DSS', 'GDPR'])).toBe(
      true,
    );
    expect(OPERATORS.containsAll('GDPR,Music_Rights', ['PCI_DSS'])).toBe(false);
    expect(
      OPERATORS.matches('ELBSecurityPolicy-TLS13-1-2-2021-06', [
        'ELBSecurityPolicy-TLS13-*',
      ]),
    ).toBe(true);
    expect(
      OPERATORS.matches('ELBSecurityPolicy-2016-08', [
        'ELBSecurityPolicy-TLS13-*',
        'ELBSecurityPolicy-FS-1-2-*',
      ]),
    ).toBe(false);
    expect(OPERATORS.nonEmpty([], false)).toBe(true);
  });
});
