/* eslint-disable no-console */
/**
 * Benchmark: the default policy over 5,000 generated services' facts in one process.
 *
 *   cd plugins/squad-insights-common && ../../node_modules/.bin/tsx bench/policy.bench.ts [count]
 *
 * Services are generated from the ten demo states: each gets its own resource, instance and
 * attribute objects (nested blocks are shared, as the engine never writes them), its own name,
 * owner and tags, and deterministic deviations (regions, retention, tags, encryption) so that
 * every code path (pass, fail, evidence) runs. Generation is not timed; evaluation is.
 * Goal: ≤ 1000 ms for 5,000 services.
 *
 * The comparison with Tech Insights' json-rules-engine fact checker is not included: that
 * package is not installed in this repository.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { cpus, loadavg } from 'node:os';
import type { StateInventory } from '../src/inventory';
import {
  defaultPolicy,
  evaluate,
  EvaluationInput,
  mergePolicy,
} from '../src/compliance';
import {
  demoConsulViews,
  demoServices,
} from '../src/compliance/__testUtils__/demo';

const COUNT = Number(process.argv[2] ?? 5000);

/** Deterministic PRNG (mulberry32), so runs are comparable. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generate(count: number): EvaluationInput[] {
  const templates = demoServices();
  const views = demoConsulViews();
  const random = prng(42);
  const inputs: EvaluationInput[] = [];
  for (let n = 0; n < count; n++) {
    const t = templates[n % templates.length];
    const squad = `squad-${n % 400}`;
    const tribe = `tribe-${n % 40}`;
    const reference = `bench:svc-${n}/terraform.tfstate`;
    const src = t.inventories[0].inventory;
    const inventory: StateInventory = {
      ...src,
      resources: src.resources.map(r => ({
        ...r,
        instances: r.instances.map(i => {
          // The design document's tag block, as the demo states carry it, owned by this bench squad.
          const tags = { ...i.tags, Squad: squad, Tribe: tribe };
          const attributes: Record<string, unknown> = { ...i.attributes };
          if ('tags' in attributes) attributes.tags = tags;
          const roll = random();
          if (roll < 0.01) delete tags.Squad;
          if (r.type === 'aws_cloudwatch_log_group' && roll < 0.05)
            attributes.retention_in_days = 365;
          if (r.type === 'aws_db_instance' && roll < 0.05)
            attributes.storage_encrypted = false;
          const region = roll > 0.995 ? 'us-east-1' : i.region;
          return { ...i, region, tags, attributes };
        }),
      })),
    };
    const view = views.get(t.name);
    inputs.push({
      profile: {
        ...t.profile,
        terraformStates: [reference],
        consulService: `svc-${n}`,
      },
      ownership: { squad: `group:default/${squad}`, tribe },
      inventories: [{ reference, inventory, serial: inventory.serial }],
      consul: view
        ? {
            view: {
              ...view,
              name: `svc-${n}`,
              meta: { ...view.meta, team: squad, tribe },
            },
            index: 1000 + n,
          }
        : { view: undefined, index: 1000 + n },
    });
  }
  return inputs;
}

/** A full GC before each timed run, so that promoting the generated inputs isn't timed. */
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

// As the demo portal runs it: organization.name sets the Organization tag's expected value.
const benchPolicy = mergePolicy(defaultPolicy(), {
  parameters: { organization: 'Acme Music AB' },
});

function run(inputs: EvaluationInput[]) {
  const policy = benchPolicy;
  let fails = 0;
  let checks = 0;
  if (!process.env.NO_GC) gc();
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (const input of inputs) {
    const r = evaluate(policy, input);
    checks += r.checks.length;
    fails += r.score.failed;
  }
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000, checks, fails };
}

const loadStart = performance.now();
const checkCount = defaultPolicy().checks.length;
const loadMs = performance.now() - loadStart;
const inputs = generate(COUNT);
const resources = inputs.reduce(
  (n, i) =>
    n +
    i.inventories[0].inventory.resources.reduce(
      (m, r) => m + r.instances.length,
      0,
    ),
  0,
);
console.log(
  `${COUNT} services, ${resources} resource instances, ${checkCount} checks; ${
    cpus().length
  } CPUs, load average ${loadavg()[0].toFixed(1)}`,
);
console.log(
  `policy load (YAML + schema + references), once per process: ${loadMs.toFixed(
    0,
  )} ms`,
);
const cold = run(inputs);
console.log(
  `cold (first run: rule compile, JIT warm-up): ${cold.ms.toFixed(
    0,
  )} ms wall, ${cold.cpuMs.toFixed(0)} ms CPU; ${cold.checks} check results, ${
    cold.fails
  } failing`,
);
const warm = [run(inputs), run(inputs), run(inputs)].sort(
  (a, b) => a.ms - b.ms,
)[1];
console.log(
  `warm (median of 3): ${warm.ms.toFixed(0)} ms wall, ${warm.cpuMs.toFixed(
    0,
  )} ms CPU (${((warm.ms * 1000) / COUNT).toFixed(1)} µs per service)`,
);
console.log(
  cold.ms <= 1000
    ? 'OK: within the 1000 ms goal'
    : 'SLOW: over the 1000 ms goal (on a loaded machine compare the CPU time)',
);
