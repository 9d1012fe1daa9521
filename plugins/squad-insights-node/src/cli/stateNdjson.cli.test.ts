import { execFile, spawn } from 'node:child_process';
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
  } catch (e) {
    const failed = e as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** Every line of the output parsed on its own: throws if one is not JSON. */
function ndjsonLines(stdout: string): Array<Record<string, unknown>> {
  expect(stdout.endsWith('\n')).toBe(true);
  return stdout
    .slice(0, -1)
    .split('\n')
    .map(line => JSON.parse(line));
}

// `--ndjson` prints the resources one per line and the rest of the inventory last: the same
// content as the plain JSON output, cut into lines a consumer can read as they come.
describe('squad-insights state --ndjson', () => {
  jest.setTimeout(60_000);

  itCorpus(
    'state inspect --ndjson prints the same inventory one resource per line',
    async () => {
      const file = join(
        corpusDir(),
        'terraform/fujiwara__tfstate-lookup/tfstate__test__terraform.tfstate',
      );
      const plain = await cli('state', 'inspect', file);
      const streamed = await cli('state', 'inspect', file, '--ndjson');
      expect(streamed.code).toBe(0);
      expect(streamed.stderr).toBe('');

      const { resources, ...rest } = JSON.parse(plain.stdout);
      const lines = ndjsonLines(streamed.stdout);
      expect(resources.length).toBeGreaterThan(5);
      expect(lines.slice(0, -1)).toEqual(resources);
      expect(lines[lines.length - 1]).toEqual({
        ...rest,
        resourceCount: resources.length,
      });
      expect(lines[lines.length - 1]).not.toHaveProperty('address');
    },
  );

  it('state fetch --ndjson reads a configured source the same way', async () => {
    const reference = 'demo:payment-processing/terraform.tfstate';
    const plain = JSON.parse((await cli('state', 'fetch', reference)).stdout);
    const streamed = await cli('state', 'fetch', reference, '--ndjson');
    expect(streamed.stderr).toBe('');
    expect(streamed.code).toBe(0);

    const lines = ndjsonLines(streamed.stdout);
    const last = lines[lines.length - 1];
    expect(last.status).toBe('ok');
    expect(last.resourceCount).toBe(plain.resources.length);
    expect(lines.slice(0, -1)).toEqual(plain.resources);
    expect(lines.map(line => line.type)).toContain('aws_kms_key');
  });

  it('state inspect --ndjson on a broken file exits 1 with one line naming it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'si-ndjson-'));
    const file = join(dir, 'broken.tfstate');
    writeFileSync(file, '{"version": 4, "resources": [ {"mode": "managed"');
    const { code, stdout, stderr } = await cli(
      'state',
      'inspect',
      file,
      '--ndjson',
    );
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'squad-insights: Terraform state file:broken.tfstate ends before the JSON document does; the file looks truncated\n',
    );
  });

  it('state fetch --ndjson refuses a reference that escapes its source', async () => {
    const { code, stdout, stderr } = await cli(
      'state',
      'fetch',
      'demo:../../etc/passwd',
      '--ndjson',
    );
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/may not contain "\.\." path segments/);
  });

  it('stops quietly when the reader closes the pipe early (| head)', async () => {
    const child = spawn(
      tsx,
      [
        main,
        'state',
        'inspect',
        resolve(
          repoRoot,
          'demo/terraform/payment-processing/terraform.tfstate',
        ),
        '--ndjson',
      ],
      { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', chunk => {
      stderr += chunk;
    });
    // Read one chunk, then hang up, as `head -1` does.
    await new Promise<void>(done => child.stdout.once('data', () => done()));
    child.stdout.destroy();
    const code = await new Promise<number | null>(done =>
      child.on('close', c => done(c)),
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
