import fs from 'node:fs';
import path from 'node:path';

// Test helpers only (not exported from the package). Kept free of jest globals so that the
// run-wide setup (corpusGlobalSetup.ts), which runs outside any test file, can use it too.

/** The monorepo root: the nearest ancestor whose package.json declares workspaces. */
function repoRoot(): string {
  for (
    let dir = __dirname;
    dir !== path.dirname(dir);
    dir = path.dirname(dir)
  ) {
    const manifest = path.join(dir, 'package.json');
    if (
      fs.existsSync(manifest) &&
      'workspaces' in JSON.parse(fs.readFileSync(manifest, 'utf8'))
    ) {
      return dir;
    }
  }
  throw new Error(`no monorepo root above ${__dirname}`);
}

/**
 * The shared test corpus (real Terraform states and recorded Consul answers): `corpus/` in
 * SI_SHARED_DIR, by default in the `shared/` folder beside the repository.
 */
export function corpusDir(): string {
  const shared =
    process.env.SI_SHARED_DIR || path.resolve(repoRoot(), '../shared');
  return path.resolve(shared, 'corpus');
}

/** Whether the shared test corpus is there; tests that read it run only then. */
export function hasCorpus(): boolean {
  return (
    fs.statSync(corpusDir(), { throwIfNoEntry: false })?.isDirectory() ?? false
  );
}

/**
 * Whether a missing corpus is an error rather than a reason to skip: CI's entry point
 * (`.ci/run`) sets SI_REQUIRE_CORPUS=1, so CI can never pass by skipping these tests.
 */
function corpusRequired(): boolean {
  return process.env.SI_REQUIRE_CORPUS === '1';
}

/** Where the corpus was looked for and how to provide it. */
function missing(): string {
  return `${corpusDir()} not found (set SI_SHARED_DIR to a checkout of the shared folder that holds corpus/, or put that folder at ../shared beside the repository)`;
}

/** The one line a run prints when it skips the corpus tests. */
export function corpusSkipNotice(): string {
  return `squad-insights-node: tests that read the shared test corpus are skipped: ${missing()}`;
}

/** Throws when the corpus is required (SI_REQUIRE_CORPUS=1) but missing. */
export function assertCorpusIfRequired(): void {
  if (corpusRequired() && !hasCorpus()) {
    throw new Error(
      `SI_REQUIRE_CORPUS=1 but the shared test corpus is missing: ${missing()}`,
    );
  }
}
