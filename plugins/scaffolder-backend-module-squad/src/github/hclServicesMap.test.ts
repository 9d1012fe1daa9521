import fs from 'node:fs';
import path from 'node:path';
import { parse } from '@cdktn/hcl2json';
import { insertServiceEntry, renderServiceEntry } from './hclServicesMap';

const fixture = fs.readFileSync(
  path.join(__dirname, '__fixtures__/squad-services.tf'),
  'utf8',
);
const where = 'acme/payments-iac:services.tf';

const entry = {
  data_classification: 'financial',
  min_capacity: 2,
  max_capacity: 8,
  compliance: ['GDPR', 'PCI_DSS', 'Svenska_Betaltjänstlagen'],
  scaling: {
    business_hours: { min: 3, max: 20, target_cpu: 70 },
    weekend: { min: 2, max: 8, target_cpu: 80 },
  },
};

describe('insertServiceEntry', () => {
  it('adds the entry at the end of the map, keeping every other byte', async () => {
    const result = insertServiceEntry({
      text: fixture,
      serviceName: 'refunds',
      entry,
      where,
    });

    // What `terraform fmt` leaves (checked with terraform 1.x on this text): aligned `=` in
    // one-line runs, nested objects unaligned, a blank line before the entry like its neighbours.
    const expected = `
    refunds = {
      data_classification = "financial"
      min_capacity        = 2
      max_capacity        = 8
      compliance          = ["GDPR", "PCI_DSS", "Svenska_Betaltjänstlagen"]
      scaling = {
        business_hours = {
          min        = 3
          max        = 20
          target_cpu = 70
        }
        weekend = {
          min        = 2
          max        = 8
          target_cpu = 80
        }
      }
    }
  }
}
`;
    const insertedAt = fixture.indexOf('  }\n}\n\nmodule');
    expect(result.slice(0, insertedAt)).toBe(fixture.slice(0, insertedAt));
    expect(result.slice(insertedAt)).toBe(
      `${expected}${fixture.slice(fixture.indexOf('\nmodule'))}`,
    );

    const parsed = await parse('services.tf', result);
    const services = parsed.locals[0].services;
    // hcl2json sorts keys, so compare as sets.
    expect(Object.keys(services).sort()).toEqual([
      'fraud-scoring',
      'payment-gateway',
      'refunds',
    ]);
    expect(services.refunds.compliance).toEqual(entry.compliance);
    expect(services.refunds.scaling.weekend.target_cpu).toBe(80);
  });

  it('refuses an entry that exists, quoted or not, naming the line', () => {
    expect(() =>
      insertServiceEntry({
        text: fixture,
        serviceName: 'fraud-scoring',
        entry,
        where,
      }),
    ).toThrow(
      "Service 'fraud-scoring' already exists in the services map of acme/payments-iac:services.tf (line 13)",
    );
    expect(() =>
      insertServiceEntry({
        text: fixture,
        serviceName: 'payment-gateway',
        entry,
        where,
      }),
    ).toThrow(/line 6/);
  });

  it('does not mistake keys of nested objects, comments or strings for entries', () => {
    expect(() =>
      insertServiceEntry({
        text: fixture,
        serviceName: 'min_capacity',
        entry: { a: 1 },
        where,
      }),
    ).not.toThrow();
  });

  it('fails clearly when the file has no services map', () => {
    const text = 'locals {\n  squad = "payments"\n}\n';
    expect(() =>
      insertServiceEntry({ text, serviceName: 'refunds', entry, where }),
    ).toThrow(
      'No `locals { services = { ... } }` map found in acme/payments-iac:services.tf',
    );
  });

  it('opens up an empty map', () => {
    const text = 'locals {\n  services = {}\n}\n';
    const result = insertServiceEntry({
      text,
      serviceName: 'refunds',
      entry: { min_capacity: 1 },
      where,
    });
    expect(result).toBe(
      'locals {\n  services = {\n    refunds = {\n      min_capacity = 1\n    }\n  }\n}\n',
    );
  });

  it('escapes HCL template sequences and quotes keys that are not identifiers', () => {
    expect(renderServiceEntry('svc', { 'x.y': 'a ${b} "c"' })).toBe(
      'svc = {\n  "x.y" = "a $${b} \\"c\\""\n}',
    );
  });
});
