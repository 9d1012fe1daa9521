import {
  assertCorpusIfRequired,
  corpusSkipNotice,
  hasCorpus,
} from './corpusLocation';

/**
 * Jest `globalSetup` of this package (see `jest` in package.json): runs once per test run, so a
 * run without the shared corpus says once, not per test, that it skips the tests reading it —
 * and a run that requires the corpus (SI_REQUIRE_CORPUS=1, CI) stops before any test starts.
 */
export default function corpusGlobalSetup(): void {
  assertCorpusIfRequired();
  if (!hasCorpus()) {
    process.stderr.write(`${corpusSkipNotice()}\n`);
  }
}
