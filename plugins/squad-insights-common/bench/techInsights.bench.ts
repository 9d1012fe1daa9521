/* eslint-disable no-console */
/**
 * Benchmark: our policy engine against Tech Insights' json-rules-engine fact checker, on the
 * same 5,000 services × 20 simple numeric checks, in one run.
 *
 *   cd plugins/squad-insights-common && ../../node_modules/.bin/tsx bench/techInsights.bench.ts [count]
 *
 * Each service has 20 numeric facts (`metric_1` … `metric_20`, deterministic pseudo-random
 * 0–99); check i passes when `metric_i >= 10 * (i % 10)`.
 * - Ours: the 20 checks written in our policy format (YAML, loaded with `loadPolicy`), the facts
 *   as one resource of type `bench_facts` in the service's state inventory, `evaluate` per service.
 * - Theirs: the same 20 checks as `TechInsightJsonRuleCheck`s (`greaterThanInclusive`), run by
 *   `JsonRulesEngineFactCheckerFactory` from
 *   `@backstage-community/plugin-tech-insights-backend-module-jsonfc` over an in-memory
 *   `TechInsightsStore` (no database: its best case), `runChecks(entityRef)` per service.
 * Both produce per-check pass/fail; the bench asserts they agree before printing times.
 * Goal: ours ≤ 0.25× theirs.
 */
import type { TechInsightsStore } from '@backstage-community/plugin-tech-insights-node';
import { JsonRulesEngineFactCheckerFactory } from '@backstage-community/plugin-tech-insights-backend-module-jsonfc';
import type { StateInventory } from '../src/inventory';
import { stringify } from 'yaml';
import {
  defaultPolicy,
  evaluate,
  EvaluationInput,
  loadPolicy,
} from '../src/compliance';

const COUNT = Number(process.argv[2] ?? 5000);
const CHECKS = 20;
const threshold = (i: number) => 10 * (i % 10);

function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = prng(7);
const services = Array.from({ length: COUNT }, (_, n) => {
  const metrics: Record<string, number> = {};
  for (let i = 1; i <= CHECKS; i++)
    metrics[`metric_${i}`] = Math.floor(random() * 100);
  return { ref: `component:default/svc-${n}`, metrics };
});

// --- Ours ---------------------------------------------------------------------------------
const policyYaml = [
  'apiVersion: squad-insights.io/v1alpha1',
  'kind: CompliancePolicy',
  'metadata: { name: bench }',
  // Scoring and organisation parameters as shipped; only the checks differ.
  // (newService names the checks that switch settings on; here they can only name bench checks.)
  stringify({
    scoring: defaultPolicy().scoring,
    parameters: {
      ...defaultPolicy().parameters,
      newService: {
        ...defaultPolicy().parameters.newService,
        switchedOnBy: {
          encryptionInTransit: ['metric-1'],
          deletionProtection: ['metric-1'],
          serviceMesh: ['metric-1'],
        },
      },
    },
  }).trim(),
  'frameworks:',
  '  - id: bench',
  '    title: Bench',
  '    appliesWhen: { always: true }',
  '    controls: [{ id: metrics, title: Metrics }]',
  'checks:',
  ...Array.from({ length: CHECKS }, (_, k) => {
    const i = k + 1;
    return [
      `  - id: metric-${i}`,
      `    title: metric_${i} is at least ${threshold(i)}`,
      '    rationale: Bench.',
      '    severity: medium',
      '    controls: [bench/metrics]',
      '    remediation: Raise it.',
      '    appliesTo: [bench_facts]',
      `    rule: { attribute: metric_${i}, atLeast: ${threshold(i)} }`,
    ].join('\n');
  }),
].join('\n');
const policy = loadPolicy(policyYaml, { fileName: 'bench-policy.yaml' });

const inputs: EvaluationInput[] = services.map(s => {
  const inventory: StateInventory = {
    status: 'ok',
    format: 'v4',
    serial: 1,
    resources: [
      {
        address: 'bench_facts.this',
        mode: 'managed',
        type: 'bench_facts',
        name: 'this',
        provider: 'registry.terraform.io/bench/bench',
        instances: [
          { address: 'bench_facts.this', tags: {}, attributes: s.metrics },
        ],
      },
    ],
    outputs: {},
  };
  return {
    profile: {
      complianceRequirements: [],
      terraformStates: ['bench:x'],
    } as any,
    ownership: {},
    inventories: [{ reference: 'bench:x', inventory, serial: 1 }],
    entityRef: s.ref,
  };
});

function runOurs(): boolean[][] {
  return inputs.map(input =>
    evaluate(policy, input).checks.map(c => c.status === 'pass'),
  );
}

// --- Theirs -------------------------------------------------------------------------------
const factIds = ['bench-retriever'];
const schema = Object.fromEntries(
  Array.from({ length: CHECKS }, (_, k) => [
    `metric_${k + 1}`,
    { type: 'integer', description: 'metric' },
  ]),
);
const factsByEntity = new Map(
  services.map(s => [
    s.ref,
    {
      'bench-retriever': {
        id: 'bench-retriever',
        entity: {
          namespace: 'default',
          kind: 'component',
          name: s.ref.split('/')[1],
        },
        timestamp: new Date('2026-11-26T00:00:00Z') as any,
        facts: s.metrics,
      },
    },
  ]),
);
const store = {
  getLatestFactsByIds: async (_ids: string[], entity: string) =>
    factsByEntity.get(entity) ?? {},
  getLatestSchemas: async () => [
    { id: 'bench-retriever', version: '0.1.0', entityFilter: [], ...schema },
  ],
} as unknown as TechInsightsStore;
const logger = {
  info() {},
  warn() {},
  error() {},
  debug() {},
  child() {
    return logger;
  },
} as any;
const checker = new JsonRulesEngineFactCheckerFactory({
  logger,
  checks: Array.from({ length: CHECKS }, (_, k) => ({
    id: `metric-${k + 1}`,
    type: 'json-rules-engine',
    name: `metric_${k + 1}`,
    description: 'bench',
    factIds,
    rule: {
      conditions: {
        all: [
          {
            fact: `metric_${k + 1}`,
            operator: 'greaterThanInclusive',
            value: threshold(k + 1),
          },
        ],
      },
    },
  })),
}).construct(store);

async function runTheirs(): Promise<boolean[][]> {
  const out: boolean[][] = [];
  for (const s of services) {
    const results = await checker.runChecks(s.ref);
    const byId = new Map(results.map(r => [r.check.id, r.result]));
    out.push(
      Array.from(
        { length: CHECKS },
        (_, k) => byId.get(`metric-${k + 1}`) === true,
      ),
    );
  }
  return out;
}

async function time<T>(
  fn: () => T | Promise<T>,
): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

async function main() {
  // One warm-up round each (JIT), then the best of three alternating rounds.
  await runTheirs();
  runOurs();
  let ours = Infinity;
  let theirs = Infinity;
  let oursValue: boolean[][] = [];
  let theirsValue: boolean[][] = [];
  for (let round = 0; round < 3; round++) {
    const t = await time(runTheirs);
    const o = await time(runOurs);
    theirs = Math.min(theirs, t.ms);
    ours = Math.min(ours, o.ms);
    theirsValue = t.value;
    oursValue = o.value;
  }
  const disagreements = oursValue.filter((row, n) =>
    row.some((pass, i) => pass !== theirsValue[n][i]),
  ).length;
  if (disagreements > 0) {
    throw new Error(
      `the engines disagree on ${disagreements} services; the comparison is void`,
    );
  }
  const passes = oursValue.flat().filter(Boolean).length;
  console.log(
    `${COUNT} services × ${CHECKS} checks, ${passes} passes, both engines agree`,
  );
  console.log(
    `Tech Insights jsonfc (in-memory store): ${theirs.toFixed(0)} ms`,
  );
  console.log(`Squad Insights policy engine:           ${ours.toFixed(0)} ms`);
  console.log(
    `ratio ours / theirs = ${(ours / theirs).toFixed(3)}x (goal <= 0.25x)`,
  );
}

main().catch(e => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
