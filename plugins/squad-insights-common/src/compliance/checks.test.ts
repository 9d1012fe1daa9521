import { defaultPolicy } from './defaultPolicy';
import { DATA_CASES } from './__testUtils__/cases/data';
import { INFRA_CASES } from './__testUtils__/cases/infra';
import { STREAM_CASES } from './__testUtils__/cases/streams';
import { SEED_CASES } from './__testUtils__/cases/seed';
import {
  RUNTIME_CASES,
  RUNTIME_RESOURCES,
} from './__testUtils__/cases/runtime';
import type { Case } from './__testUtils__/cases/types';
import { checkResult } from './__testUtils__/service';

const CASES = {
  ...INFRA_CASES,
  ...DATA_CASES,
  ...STREAM_CASES,
  ...RUNTIME_CASES,
  ...SEED_CASES,
};

const rows = (kind: 'pass' | 'fail') =>
  Object.entries(CASES).flatMap(([checkId, c]) =>
    c[kind].map((example): [string, string, Case] => [
      checkId,
      example.name,
      example,
    ]),
  );

describe('default checks', () => {
  it('has a passing and a failing example for every check of the default policy', () => {
    const ids = defaultPolicy()
      .checks.map(c => c.id)
      .sort();
    expect(Object.keys(CASES).sort()).toEqual(ids);
    for (const id of ids) {
      expect(CASES[id].pass.some(c => !c.status)).toBe(true);
      expect(CASES[id].fail.length).toBeGreaterThan(0);
    }
  });

  it.each(rows('pass'))('%s passes: %s', (checkId, _name, example) => {
    const result = checkResult(
      checkId,
      example.resources ?? RUNTIME_RESOURCES,
      example.input,
    );
    expect(result.status).toBe(example.status ?? 'pass');
    // Passes carry no evidence by default (evidence: 'failures'); anything else says why.
    expect(result.status === 'pass' ? result.evidence : []).toEqual([]);
    expect(
      result.status === 'pass' || !!result.reason || result.evidence.length > 0,
    ).toBe(true);
  });

  it.each(rows('fail'))('%s fails: %s', (checkId, _name, example) => {
    const result = checkResult(
      checkId,
      example.resources ?? RUNTIME_RESOURCES,
      example.input,
    );
    expect(result.status).toBe('fail');
    expect(result.evidence.length).toBeGreaterThan(0);
    for (const e of result.evidence) {
      // Attested checks fail on the attestation record, not on a state.
      expect(e.source).toMatch(/^(test:service|consul|attestation)$/);
      expect(e.address).toBeTruthy();
      expect(e.attribute).toBeTruthy();
      expect(typeof e.expected).toBe('string');
    }
    expect(result.evidence.map(e => e.address)).toEqual(
      expect.arrayContaining(example.address ? [example.address] : []),
    );
  });
});
