/* eslint-disable jest/no-export, jest/valid-title, jest/valid-describe-callback, jest/no-disabled-tests, jest/expect-expect --
   this module declares test blocks on behalf of the test files that call it. */
import { assertCorpusIfRequired, corpusDir, hasCorpus } from './corpusLocation';

// Test helpers only (not exported from the package): the one place that decides whether tests
// reading the shared corpus run. Without the corpus they are skipped (corpusGlobalSetup.ts says
// so once per run); with SI_REQUIRE_CORPUS=1, as on CI, a test file using these fails instead.

export { corpusDir, hasCorpus } from './corpusLocation';

/** Whether corpus tests run; throws when the corpus is required but missing. */
function corpusTestsRun(): boolean {
  assertCorpusIfRequired();
  return hasCorpus();
}

/**
 * `describe` for a block whose tests read the shared corpus. Without the corpus the block is
 * skipped and its body is not even run: bodies list corpus files while jest collects the tests
 * (`describe.each(corpusRows())`), which would fail before any skip could apply. The block then
 * shows as one skipped test.
 */
export function describeCorpus(name: string, body: () => void): void {
  if (corpusTestsRun()) {
    describe(name, body);
  } else {
    describe.skip(name, () => {
      it(`needs the shared test corpus at ${corpusDir()}`, () => {});
    });
  }
}

/**
 * `it` for a test that reads the shared corpus, `it.skip` without it (`.each` works as on `it`).
 * Such a test must read the corpus only inside its body.
 */
export const itCorpus: jest.It = corpusTestsRun() ? it : it.skip;
