import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { demoOrganisation } from './__testUtils__/demoCatalog';
import { repositoryFiles, startDryRunBackend } from './__testUtils__/dryRun';
import { repoRoot } from './__testUtils__/paths';
import { defaultValues } from './__testUtils__/values';

// Each suite starts the real scaffolder backend; dry-runs take seconds on a busy machine.
jest.setTimeout(60_000);

const run = promisify(execFile);

describe('squad-microservice template, the generated service', () => {
  const backend = startDryRunBackend(demoOrganisation());
  let dir: string;

  beforeAll(async () => {
    const files = repositoryFiles(
      await (await backend).dryRun(defaultValues),
      'service',
    );
    dir = await mkdtemp(join(tmpdir(), 'squad-service-'));
    for (const [path, text] of files) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), text);
    }
    // No network install: the service has no runtime dependencies, and its dev dependencies
    // (tsx, typescript, @types/node) are the monorepo's.
    await symlink(join(repoRoot, 'node_modules'), join(dir, 'node_modules'));
  }, 60_000);
  afterAll(async () => {
    await (await backend).stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** Runs an npm script's command line as npm would: in the package, with node_modules/.bin on PATH. */
  async function npmRun(script: string) {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    return run('/bin/sh', ['-c', pkg.scripts[script]], {
      cwd: dir,
      env: {
        ...process.env,
        // The Node running this test first: the service wants Node 24 (node --test globs).
        PATH: [
          dirname(process.execPath),
          join(dir, 'node_modules/.bin'),
          process.env.PATH,
        ].join(':'),
        NODE_OPTIONS: '',
      },
    });
  }

  it('has no runtime dependencies', async () => {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    expect(pkg.dependencies).toBeUndefined();
    expect(Object.keys(pkg.devDependencies).sort()).toEqual([
      '@types/node',
      'tsx',
      'typescript',
    ]);
  });

  it('passes its own tests (npm test)', async () => {
    const { stdout } = await npmRun('test');
    expect(stdout).toMatch(/^ℹ tests 3$/m);
    expect(stdout).toMatch(/^ℹ pass 3$/m);
    expect(stdout).toMatch(/^ℹ fail 0$/m);
    expect(stdout).toContain('royalty-statements probes');
  }, 60_000);

  it('type-checks (npm run build, without writing dist)', async () => {
    await expect(
      run(
        join(dir, 'node_modules/.bin/tsc'),
        ['-p', 'tsconfig.json', '--noEmit'],
        { cwd: dir },
      ),
    ).resolves.toBeDefined();
  }, 60_000);
});
