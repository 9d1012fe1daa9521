import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  assertCorpusIfRequired,
  corpusDir,
  corpusSkipNotice,
  hasCorpus,
} from './corpusLocation';

describe('locating the shared test corpus', () => {
  const saved = { ...process.env };
  let shared: string;

  beforeEach(() => {
    shared = fs.mkdtempSync(path.join(os.tmpdir(), 'si-shared-'));
    process.env.SI_SHARED_DIR = shared;
    delete process.env.SI_REQUIRE_CORPUS;
  });
  afterEach(() => {
    process.env = { ...saved };
    fs.rmSync(shared, { recursive: true, force: true });
  });

  it('is corpus/ in SI_SHARED_DIR, and counts only when it is a folder', () => {
    expect(corpusDir()).toBe(path.join(shared, 'corpus'));
    expect(hasCorpus()).toBe(false);
    fs.writeFileSync(path.join(shared, 'corpus'), 'not a folder');
    expect(hasCorpus()).toBe(false);
    fs.rmSync(path.join(shared, 'corpus'));
    fs.mkdirSync(path.join(shared, 'corpus'));
    expect(hasCorpus()).toBe(true);
  });

  it('defaults to shared/ beside the repository', () => {
    delete process.env.SI_SHARED_DIR;
    const repo = path.resolve(__dirname, '../../../..');
    expect(corpusDir()).toBe(path.resolve(repo, '../shared/corpus'));
  });

  it('is optional unless SI_REQUIRE_CORPUS=1, then its absence is an error naming where and how', () => {
    expect(() => assertCorpusIfRequired()).not.toThrow();
    expect(corpusSkipNotice()).toContain(
      `skipped: ${path.join(shared, 'corpus')} not found (set SI_SHARED_DIR`,
    );
    process.env.SI_REQUIRE_CORPUS = '1';
    expect(() => assertCorpusIfRequired()).toThrow(
      `SI_REQUIRE_CORPUS=1 but the shared test corpus is missing: ${path.join(
        shared,
        'corpus',
      )} not found`,
    );
    fs.mkdirSync(path.join(shared, 'corpus'));
    expect(() => assertCorpusIfRequired()).not.toThrow();
  });
});
