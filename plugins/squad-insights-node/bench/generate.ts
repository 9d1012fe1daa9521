import fs from 'node:fs';
import { once } from 'node:events';
import { attributesFor } from './awsAttributes';

// Realistic-looking format-4 states for the benchmark: AWS resources with the attribute
// shapes real providers write (ARNs, tags/tags_all, nested blocks, policy documents).

/** A small deterministic PRNG (mulberry32): every state differs, every run is the same. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TYPES = [
  'aws_instance',
  'aws_security_group',
  'aws_iam_policy',
  'aws_db_instance',
  'aws_s3_bucket',
];

/** One resource block (JSON text), with 1–3 instances. */
export function resourceJson(i: number, r: () => number): string {
  const type = TYPES[i % TYPES.length];
  const count = 1 + Math.floor(r() * 3);
  return JSON.stringify({
    module: i % 4 === 0 ? `module.svc_${i % 50}` : undefined,
    mode: 'managed',
    type,
    name: `r${i}`,
    provider: 'provider["registry.terraform.io/hashicorp/aws"]',
    instances: Array.from({ length: count }, (_, k) => ({
      index_key: count > 1 ? k : undefined,
      schema_version: 1,
      attributes: attributesFor(type, i, r),
      sensitive_attributes:
        type === 'aws_db_instance'
          ? [[{ type: 'get_attr', value: 'password' }]]
          : [],
      private: 'eyJzY2hlbWFfdmVyc2lvbiI6IjEifQ==',
      dependencies: [`aws_security_group.r${i + 1}`],
    })),
  });
}

const header = (seed: number) =>
  `{"version":4,"terraform_version":"1.9.5","serial":${seed},"lineage":"bench-${seed}","outputs":{"vpc_id":{"value":"vpc-${seed}","type":"string"}},"resources":[`;

/** A state of about `bytes` bytes, built in memory. */
export function stateBuffer(bytes: number, seed: number): Buffer {
  const r = random(seed);
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const json = resourceJson(i, r);
    parts.push(json);
    size += json.length + 1;
  }
  return Buffer.from(`${header(seed)}${parts.join(',')}]}`);
}

/** Writes a state of about `bytes` bytes to `file` without holding it in memory. */
export async function writeState(
  file: string,
  bytes: number,
  seed = 1,
): Promise<number> {
  const out = fs.createWriteStream(file);
  const r = random(seed);
  let size = 0;
  let batch = header(seed);
  for (let i = 0; size < bytes; i++) {
    const json = (i ? ',' : '') + resourceJson(i, r);
    batch += json;
    size += json.length;
    if (batch.length > 1 << 20) {
      if (!out.write(batch)) await once(out, 'drain');
      batch = '';
    }
  }
  out.end(`${batch}]}`);
  await once(out, 'finish');
  return fs.statSync(file).size;
}
