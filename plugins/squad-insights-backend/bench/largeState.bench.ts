/*
 * Large-state ingestion benchmark: one generated Terraform state of --size (default 1 GB)
 * (realistic AWS resources) ingested through the backend's ingestion (local source with its limits, reader, streaming
 * parser, StateIngester, DatabaseFactsStore on a SQLite file), in a child process that reports
 * its peak RSS (goal ≤ 512 MB).
 *
 *   cd plugins/squad-insights-backend && ../../node_modules/.bin/tsx bench/largeState.bench.ts [--size 1GB]
 *
 * The state and the database live in a temp directory that is removed afterwards (both are
 * about --size on disk). It takes minutes for 1 GB.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import knexFactory from 'knex';
import { ConfigReader } from '@backstage/config';
import {
  createStateSources,
  TerraformStateReader,
} from '@squad-insights/backstage-plugin-squad-insights-node';
import { DatabaseFactsStore } from '../src/database/DatabaseFactsStore';
import { StateIngester } from '../src/ingestion/StateIngester';

const option = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
};

function bytesOf(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(GB|MB|KB|B)?$/i.exec(text);
  if (!m) throw new Error(`bad size ${text} (e.g. 1GB, 256MB)`);
  const unit = { GB: 2 ** 30, MB: 2 ** 20, KB: 2 ** 10, B: 1 }[
    (m[2] ?? 'B').toUpperCase()
  ]!;
  return Math.round(Number(m[1]) * unit);
}

/** One AWS resource block with the attribute shapes providers write (tags, nested blocks, policies). */
function resourceJson(i: number): string {
  const type = [
    'aws_instance',
    'aws_security_group',
    'aws_s3_bucket',
    'aws_iam_policy',
  ][i % 4];
  const tags = {
    team: `squad-${i % 40}`,
    service: `svc-${i % 700}`,
    environment: 'prod',
  };
  return JSON.stringify({
    module: i % 3 === 0 ? `module.svc_${i % 50}` : undefined,
    mode: 'managed',
    type,
    name: `r${i}`,
    provider: 'provider["registry.terraform.io/hashicorp/aws"]',
    instances: Array.from({ length: 1 + (i % 3) }, (_, k) => ({
      index_key: k,
      schema_version: 1,
      attributes: {
        id: `${type}-${i}-${k}`,
        arn: `arn:aws:ec2:eu-north-1:123456789012:${type}/${i}-${k}`,
        tags,
        tags_all: tags,
        ingress: [
          {
            from_port: 443,
            to_port: 443,
            protocol: 'tcp',
            cidr_blocks: ['10.0.0.0/8'],
          },
        ],
        policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: 's3:GetObject',
              Resource: `arn:aws:s3:::b${i}/*`,
            },
          ],
        }),
        password: `not-a-real-secret-${i}`,
      },
      sensitive_attributes: [[{ type: 'get_attr', value: 'password' }]],
      dependencies: [`aws_security_group.r${i + 1}`],
    })),
  });
}

/** Writes a format-4 state of about `bytes` bytes without holding it in memory. */
async function writeState(file: string, bytes: number): Promise<number> {
  const out = createWriteStream(file);
  let size = 0;
  let batch =
    '{"version":4,"terraform_version":"1.9.5","serial":1,"lineage":"bench","outputs":{},"resources":[';
  for (let i = 0; size < bytes; i++) {
    const json = (i ? ',' : '') + resourceJson(i);
    batch += json;
    size += json.length;
    if (batch.length > 1 << 20) {
      if (!out.write(batch)) await once(out, 'drain');
      batch = '';
    }
  }
  out.end(`${batch}]}`);
  await once(out, 'finish');
  return statSync(file).size;
}

/** The measured side: ingests `<dir>/terraform.tfstate` into `<dir>/facts.sqlite`. */
async function child(dir: string) {
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: join(dir, 'facts.sqlite') },
    useNullAsDefault: true,
  });
  const store = await DatabaseFactsStore.create({
    database: { getClient: async () => knex },
  });
  const config = new ConfigReader({
    squadInsights: {
      // The deadline is raised for a slow machine; the body cap stays at its default (2 GiB).
      terraform: {
        sources: [{ id: 'bench', type: 'local', root: dir, deadline: '1h' }],
      },
    },
  });
  const reader = TerraformStateReader.create({
    sources: createStateSources(config),
  });
  const errors: string[] = [];
  const logger = {
    warn: (m: string) => errors.push(m),
    error: (m: string) => errors.push(m),
    info() {},
    debug() {},
    child: () => logger,
  } as any;
  const ingester = StateIngester.create({
    reader,
    store,
    logger,
    concurrency: 1,
  });
  const started = performance.now();
  const summary = await ingester.ingest(['bench:terraform.tfstate']);
  const ms = performance.now() - started;
  const [history] = await store.getStateHistory('bench:terraform.tfstate', {
    limit: 1,
  });
  await knex.destroy();
  process.stdout.write(
    `${JSON.stringify({
      ms,
      summary,
      errors,
      resources: history?.resourceCount ?? 0,
      // maxRSS is in kilobytes.
      maxRssMB: process.resourceUsage().maxRSS / 1024,
    })}\n`,
  );
}

function runChild(dir: string): Promise<Record<string, any>> {
  return new Promise((resolve, reject) => {
    const proc = spawn(
      process.execPath,
      [...process.execArgv, __filename, '--child', dir],
      {
        cwd: join(__dirname, '..'),
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    proc.stdout.on('data', d => (out += d));
    proc.on('error', reject);
    proc.on('close', code =>
      code === 0
        ? resolve(JSON.parse(out))
        : reject(new Error(`child exited ${code}`)),
    );
  });
}

async function main() {
  const childDir = option('child', '');
  if (childDir) {
    await child(childDir);
    return;
  }
  const size = bytesOf(option('size', '1GB'));
  const dir = mkdtempSync(join(tmpdir(), 'si-large-state-'));
  try {
    process.stdout.write(
      `writing a ~${(size / 2 ** 20).toFixed(0)} MB state... `,
    );
    const written = await writeState(join(dir, 'terraform.tfstate'), size);
    console.log(`${(written / 2 ** 20).toFixed(0)} MB`);
    const r = await runChild(dir);
    if (r.summary.read !== 1)
      throw new Error(`not ingested: ${JSON.stringify(r)}`);
    console.log(
      `state                 ${(written / 2 ** 20).toFixed(0)} MB, ${
        r.resources
      } resources`,
    );
    console.log(
      `ingest                ${(r.ms / 1000).toFixed(1)} s (${(
        written /
        2 ** 20 /
        (r.ms / 1000)
      ).toFixed(1)} MB/s)`,
    );
    console.log(
      `database              ${(
        statSync(join(dir, 'facts.sqlite')).size /
        2 ** 20
      ).toFixed(0)} MB`,
    );
    console.log(
      `peak RSS              ${r.maxRssMB.toFixed(0)} MB (goal ≤ 512 MB)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
