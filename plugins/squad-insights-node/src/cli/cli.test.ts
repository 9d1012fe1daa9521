import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { corpusDir, itCorpus } from '../__testUtils__/corpus';

const run = promisify(execFile);
const repoRoot = resolve(__dirname, '../../../..');
const tsx = resolve(repoRoot, 'node_modules/.bin/tsx');
const main = resolve(__dirname, 'main.ts');

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

// The CLI runs the same code as the portal; these tests check the process contract:
// JSON on stdout, one-line errors on stderr, exit codes.
describe('squad-insights CLI', () => {
  jest.setTimeout(60_000);

  itCorpus(
    'state inspect prints the inventory of a real state as JSON',
    async () => {
      const file = join(
        corpusDir(),
        'terraform/snyk__driftctl/pkg__iac__terraform__state__test__aws_kms_key__terraform.tfstate',
      );
      const { code, stdout } = await cli('state', 'inspect', file);
      expect(code).toBe(0);
      const inventory = JSON.parse(stdout);
      expect(inventory.status).toBe('ok');
      expect(inventory.resources.length).toBeGreaterThan(0);
      expect(inventory.resources[0]).toEqual(
        expect.objectContaining({
          address: expect.any(String),
          type: 'aws_kms_key',
          instances: expect.any(Array),
        }),
      );
    },
  );

  it('state inspect on a broken file exits 1 with one line and no stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'si-cli-'));
    const file = join(dir, 'broken.tfstate');
    writeFileSync(file, '{"version": 4, "resources": [ {"mode": "managed"');
    const { code, stdout, stderr } = await cli('state', 'inspect', file);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^squad-insights: .*broken\.tfstate/);
    expect(stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('state inspect names a missing file', async () => {
    const { code, stderr } = await cli('state', 'inspect', 'nope.tfstate');
    expect(code).toBe(1);
    expect(stderr).toBe('squad-insights: nope.tfstate: no such file\n');
  });

  it('state fetch refuses a reference that escapes its source before reading', async () => {
    const { code, stderr } = await cli(
      'state',
      'fetch',
      'demo:../../etc/passwd',
    );
    expect(code).toBe(1);
    expect(stderr).toMatch(/may not contain "\.\." path segments/);
  });

  it('state fetch run from the repository root reads the local source the portal reads', async () => {
    // app-config.yaml names the demo root relative to packages/backend, the backend's working
    // directory; the CLI resolves it the same way, so the reference works from anywhere.
    const { code, stdout, stderr } = await cli(
      'state',
      'fetch',
      'demo:payment-processing/terraform.tfstate',
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const inventory = JSON.parse(stdout);
    expect(inventory.status).toBe('ok');
    expect(inventory.resources.map((r: { type: string }) => r.type)).toContain(
      'aws_kms_key',
    );
  });

  it('state fetch with --base-dir resolves relative roots there', async () => {
    const { code, stderr } = await cli(
      'state',
      'fetch',
      'demo:payment-processing/terraform.tfstate',
      '--base-dir',
      // Two levels deep, so the demo's ../../demo/terraform lands in an empty temp dir.
      join(mkdtempSync(join(tmpdir(), 'si-base-')), 'a', 'b'),
    );
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /payment-processing\/terraform\.tfstate.*source root directory does not exist/,
    );
  });
});
