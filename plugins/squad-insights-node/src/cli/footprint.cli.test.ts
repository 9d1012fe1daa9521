import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const repoRoot = resolve(__dirname, '../../../..');
const tsx = resolve(repoRoot, 'node_modules/.bin/tsx');
const main = resolve(__dirname, 'main.ts');
const state = resolve(
  repoRoot,
  'demo/terraform/payment-processing/terraform.tfstate',
);

async function cli(...args: string[]) {
  try {
    const { stdout, stderr } = await run(tsx, [main, ...args], {
      cwd: repoRoot,
    });
    return { code: 0, stdout, stderr };
  } catch (e: any) {
    return {
      code: e.code as number,
      stdout: e.stdout as string,
      stderr: e.stderr as string,
    };
  }
}

function catalogFile(text: string) {
  const file = join(
    mkdtempSync(join(tmpdir(), 'si-cli-fp-')),
    'catalog-info.yaml',
  );
  writeFileSync(file, text);
  return file;
}

const COMPONENT = `apiVersion: backstage.io/v1alpha1
kind: System
metadata: { name: payments }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: payment-processing
  annotations:
    squad-insights.io/criticality: high
spec: { type: service, owner: payments-squad }
`;

describe('squad-insights footprint', () => {
  jest.setTimeout(60_000);

  it('prints the totals and breakdown as JSON', async () => {
    const { code, stdout, stderr } = await cli(
      'footprint',
      '--state',
      state,
      '--entity',
      catalogFile(COMPONENT),
      '--json',
    );
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const out = JSON.parse(stdout);
    expect(out.service).toBe('payment-processing');
    expect(out.criticality).toBe('high');
    expect(out.kwhPerDay).toBeGreaterThan(0);
    expect(out.co2eKgPerDay).toBeGreaterThan(0);
    expect(out.carbonTaxSekPerMonth).toBeCloseTo(
      out.co2eKgPerDay * 30.4375 * 1.25,
      6,
    );
    const parts = ['compute', 'memory', 'storage', 'network', 'embodied'];
    expect(Object.keys(out.breakdown)).toEqual(parts);
    const sum = (k: string) =>
      parts.reduce((s, p) => s + out.breakdown[p][k], 0);
    expect(sum('kwhPerDay')).toBeCloseTo(out.kwhPerDay, 9);
    expect(sum('co2eKgPerDay')).toBeCloseTo(out.co2eKgPerDay, 9);
    // The demo state lacks S3 sizes, traffic and more: listed, not zero.
    expect(out.coverage).toEqual({
      made: 8,
      notMade: 11,
      notMadeShare: 11 / 19,
    });
    expect(out.notEstimated).toHaveLength(11);
  });

  it('prints a short table and warns about a missing criticality', async () => {
    const entity = catalogFile(
      'kind: Component\nmetadata: { name: payment-processing }\n',
    );
    const { code, stdout, stderr } = await cli(
      'footprint',
      '--state',
      state,
      '--entity',
      entity,
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/^payment-processing \(critical\)\n/);
    expect(stdout).toMatch(/\ntotal +\d+\.\d{3} +\d+\.\d{3}\n/);
    expect(stderr).toMatch(/criticality is not set; assumed critical/);
  });

  it.each([
    [
      'a missing state',
      ['--state', 'nope.tfstate'],
      /^squad-insights: nope\.tfstate: no such file\n$/,
    ],
    [
      'an entity file without a Component',
      [
        '--state',
        state,
        '--entity-text',
        'kind: Group\nmetadata: { name: x }\n',
      ],
      /no Component/,
    ],
    [
      'broken YAML',
      ['--state', state, '--entity-text', 'kind: [Component\n'],
      /^squad-insights: .*catalog-info\.yaml: /,
    ],
    [
      'a bad carbon price',
      ['--state', state, '--sek-per-kg', 'cheap'],
      /--sek-per-kg: "cheap"/,
    ],
  ])('fails on %s with one line and exit 1', async (_name, args, message) => {
    const textAt = args.indexOf('--entity-text');
    const entity = catalogFile(textAt >= 0 ? args[textAt + 1] : COMPONENT);
    const rest =
      textAt >= 0
        ? args.filter((_, i) => i !== textAt && i !== textAt + 1)
        : args;
    const { code, stdout, stderr } = await cli(
      'footprint',
      ...rest,
      '--entity',
      entity,
    );
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });
});
