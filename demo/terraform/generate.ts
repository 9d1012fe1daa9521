/**
 * Writes the demo Terraform states (format 4) of the ten Acme Music services to
 * demo/terraform/<service>/terraform.tfstate. Deterministic: every id, password and date is
 * derived from the service name, so rerunning produces identical files.
 *
 *   PATH=/work/main/.toolchain/node/bin:$PATH node_modules/.bin/tsx demo/terraform/generate.ts
 *
 * Owners, tribes, classifications and compliance requirements come from demo/catalog; what
 * each service runs and what is deliberately out of line is in generator/profiles.ts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildServiceState, TERRAFORM_VERSION } from './generator/build';
import { loadCatalog } from './generator/catalog';
import { PROFILES } from './generator/profiles';

const here = resolve(__dirname);
const catalog = loadCatalog(resolve(here, '../catalog'));

for (const [name, profile] of Object.entries(PROFILES)) {
  const svc = catalog.get(name);
  if (!svc) throw new Error(`${name} is not in demo/catalog/services.yaml`);
  const ctx = buildServiceState(svc, profile);
  const json = ctx.state.toJson({
    terraformVersion: TERRAFORM_VERSION,
    serial: profile.serial,
    lineage: ctx.ids.uuid('lineage'),
  });
  mkdirSync(join(here, name), { recursive: true });
  writeFileSync(join(here, name, 'terraform.tfstate'), json);
  const s = ctx.state.stats();
  console.log(
    `${name.padEnd(24)} ${String(s.managed).padStart(3)} managed, ${
      s.data
    } data, ${s.instances} instances`,
  );
}
for (const name of catalog.keys()) {
  if (!PROFILES[name])
    console.warn(`warning: ${name} has no profile and no state`);
}
