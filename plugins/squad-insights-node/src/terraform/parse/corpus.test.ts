import type { StateInventory } from '@squad-insights/backstage-plugin-squad-insights-common';
import {
  corpusContext,
  CorpusRow,
  corpusRows,
  readCorpus,
} from './__testUtils__/corpus';
import { describeCorpus } from '../../__testUtils__/corpus';
import { parseState } from './parseState';
import { StateParseError } from './StateParseError';

/*
 * Every file of the shared Terraform corpus, driven by INDEX.csv.
 *
 * What `resource_count` counts, found by reading the files: the resource entries exactly as the
 * file lists them. Format 4 lists one entry per resource block, whatever its instance count
 * (fujiwara's state: 12 entries, 17 instances); formats 1–3 and `terraform show -json` list one
 * entry per instance (pulumi-bridge's v3 state: `aws_subnet.public.0..2` are 3 of its 5). So the
 * count is compared with the inventory's resources for format 4 and with its instances for the
 * other formats; `notable_resource_types` (`aws_subnetx3;aws_vpc`, a selection, not every
 * type) counts the same unit.
 *
 * `kind` reflects the upstream tool's verdict, not Terraform's: driftctl rejects
 * terraform_version "invalid", inframap rejects a header-only v2 state and a v4 resource without
 * an id. Terraform reads all three, and so does this parser; only files whose
 * `state_format_version` says they are not JSON, or `kind` says encrypted, must fail.
 */

type Expectation =
  | {
      ok: true;
      format: StateInventory['format'];
      status: StateInventory['status'];
    }
  | { ok: false; reasons: string[] };

function expectationOf(row: CorpusRow): Expectation {
  if (row.kind === 'encrypted') return { ok: false, reasons: ['encrypted'] };
  if (row.state_format_version.startsWith('NOT-JSON')) {
    return Number(row.size_bytes) === 0
      ? { ok: true, format: 'empty', status: 'no-state' }
      : { ok: false, reasons: ['not-json', 'truncated'] };
  }
  if (row.state_format_version.startsWith('show-json')) {
    return { ok: true, format: 'show-json', status: 'ok' };
  }
  const version = Number(row.state_format_version);
  return {
    ok: true,
    format: `v${version}` as StateInventory['format'],
    status: 'ok',
  };
}

function countedEntries(inventory: StateInventory): Array<{ type: string }> {
  return inventory.format === 'v4'
    ? inventory.resources
    : inventory.resources.flatMap(r => r.instances.map(() => r));
}

/** `aws_s3_bucketx3;aws_vpc` → { aws_s3_bucket: 3, aws_vpc: 1 } */
function typeCounts(notable: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of notable.split(';').filter(Boolean)) {
    const match = /^(.*?)(?:x(\d+))?$/.exec(item)!;
    counts[match[1]] = (counts[match[1]] ?? 0) + Number(match[2] ?? 1);
  }
  return counts;
}

describeCorpus('the Terraform corpus (INDEX.csv)', () => {
  const rows = corpusRows();

  it('lists files', () => {
    expect(rows.length).toBeGreaterThan(60);
  });

  describe.each(rows.map(row => [row.file, row] as const))(
    '%s',
    (file, row) => {
      const expected = expectationOf(row);

      if (expected.ok) {
        it(`reads as ${expected.format} with the listed resource count`, async () => {
          const inventory = await parseState(
            readCorpus(file),
            corpusContext(file),
          );
          expect(inventory.status).toBe(expected.status);
          expect(inventory.format).toBe(expected.format);
          if (expected.format === 'empty') return;

          const entries = countedEntries(inventory);
          expect(entries).toHaveLength(Number(row.resource_count));
          const types: Record<string, number> = {};
          for (const { type } of entries) types[type] = (types[type] ?? 0) + 1;
          // The column is "notable" types, not all of them: each listed one must match.
          expect(types).toMatchObject(typeCounts(row.notable_resource_types));
          // Blank in the index where the file has none (inframap's typo `terraform_verison`).
          expect(inventory.terraformVersion).toBe(
            row.terraform_version || undefined,
          );
        });
      } else {
        it(`is refused (${expected.reasons.join(
          ' or ',
        )}) naming corpus:${file}`, async () => {
          const error = await parseState(
            readCorpus(file),
            corpusContext(file),
          ).catch(e => e);
          expect(error).toBeInstanceOf(StateParseError);
          expect(expected.reasons).toContain(error.reason);
          expect(error.message).toContain(`corpus:${file}`);
          expect(error.sourceId).toBe('corpus');
          expect(error.key).toBe(file);
        });
      }
    },
  );
});
