/*
 * Reading what `squad-insights check` evaluates: the Component, its Terraform states or plans, an
 * optional policy override and an optional Consul view. Every failure is a one-line Error
 * naming the file, so main.ts can print it as is.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import {
  CompliancePolicy,
  ConsulSource,
  defaultPolicy,
  InventorySource,
  loadPolicy,
  mergePolicy,
  PolicyLoadError,
  readServiceProfile,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import { ConsulClient } from '../consul/ConsulClient';
import { parseState } from '../terraform/parse';
import { parsePlan } from '../terraform/parse/parsePlan';
import { selectStateModule } from '../terraform/stateReference';

/** A catalog entity, as squad-insights-common's readers take it. */
type ComponentEntity = Parameters<typeof readServiceProfile>[0];
type JsonObject = NonNullable<ComponentEntity['spec']>;

/** A YAML mapping. YAML's core schema yields JSON values only, so a mapping is a JSON object. */
function isMapping(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The annotations as the catalog holds them: string values only, as the catalog requires. */
function annotationsOf(file: string, metadata: JsonObject) {
  const annotations = metadata.annotations ?? {};
  if (!isMapping(annotations)) {
    throw new Error(`${file}: metadata.annotations must be a mapping`);
  }
  const strings: Record<string, string> = {};
  for (const [key, value] of Object.entries(annotations)) {
    if (typeof value !== 'string') {
      throw new Error(
        `${file}: metadata.annotations.${key} must be a string, got ${JSON.stringify(
          value,
        )}`,
      );
    }
    strings[key] = value;
  }
  return strings;
}

/** The first `kind: Component` document, kept as the plain object the catalog would hold. */
export async function readComponentEntity(file: string) {
  const text = await readFile(resolve(file), 'utf8').catch(() => {
    throw new Error(`${file}: no such file`);
  });
  for (const doc of parseAllDocuments(text)) {
    if ('errors' in doc && doc.errors.length) {
      throw new Error(`${file}: ${doc.errors[0].message.split('\n')[0]}`);
    }
    const value: unknown = doc.toJS();
    if (
      isMapping(value) &&
      value.kind === 'Component' &&
      isMapping(value.metadata) &&
      typeof value.metadata.name === 'string'
    ) {
      const spec = value.spec ?? {};
      if (!isMapping(spec)) throw new Error(`${file}: spec must be a mapping`);
      return {
        apiVersion: String(value.apiVersion ?? 'backstage.io/v1alpha1'),
        kind: 'Component',
        metadata: {
          ...value.metadata,
          name: value.metadata.name,
          annotations: annotationsOf(file, value.metadata),
        },
        spec,
      } satisfies ComponentEntity;
    }
  }
  throw new Error(`${file}: no Component with a metadata.name`);
}

/**
 * The engine reports a declared state (`demo:rights-ledger/terraform.tfstate`) that was not
 * read as a gap and turns passes into `unknown`. A local file has no such reference, so a file
 * takes the declared reference whose key (the part after `source:`) its path ends with, or the
 * only declared one when exactly one file is given; otherwise its own path (and the gap shows).
 */
export function referenceFor(
  file: string,
  declared: readonly string[],
  fileCount: number,
): string {
  const path = resolve(file).replace(/\\/g, '/');
  const byKey = declared.find(ref => {
    const key = ref
      .slice(ref.indexOf(':') + 1)
      .replace(/#.*$/, '')
      .replace(/^\/+/, '');
    return key !== '' && (path === key || path.endsWith(`/${key}`));
  });
  if (byKey) return byKey;
  if (declared.length === 1 && fileCount === 1) return declared[0];
  return file;
}

function moduleOf(reference: string): string | undefined {
  const hash = reference.indexOf('#');
  return hash < 0 ? undefined : reference.slice(hash + 1);
}

export async function readInventories(
  files: string[],
  declared: readonly string[],
): Promise<InventorySource[]> {
  const out: InventorySource[] = [];
  for (const file of files) {
    const path = resolve(file);
    if (!(await stat(path).catch(() => undefined))?.isFile()) {
      throw new Error(`${file}: no such file`);
    }
    const parsed = await parseState(createReadStream(path), {
      sourceId: 'file',
      key: basename(path),
    });
    const reference = referenceFor(file, declared, files.length);
    // A declared `#module...` reference takes only that module instance of a shared state.
    const inventory = selectStateModule(parsed, moduleOf(reference));
    out.push({ reference, inventory, serial: inventory.serial });
  }
  return out;
}

/**
 * What each plan would leave behind (`terraform show -json <planfile>`), judged as the state
 * it becomes: a plan takes a declared state reference the same way a state file does.
 */
export async function readPlans(
  files: string[],
  declared: readonly string[],
): Promise<InventorySource[]> {
  const out: InventorySource[] = [];
  for (const file of files) {
    const text = await readFile(resolve(file), 'utf8').catch(() => {
      throw new Error(`${file}: no such file`);
    });
    const reference = referenceFor(file, declared, files.length);
    const inventory = selectStateModule(
      parsePlan(text, { sourceId: 'plan', key: file }),
      moduleOf(reference),
    );
    out.push({ reference, inventory });
  }
  return out;
}

/**
 * The default policy with the file merged over it. The file is normally an override
 * (`kind: CompliancePolicyOverride`, merged by loadPolicy itself so problems keep their lines);
 * a complete `kind: CompliancePolicy` is loaded on its own and then merged with mergePolicy.
 */
export async function readPolicy(
  file: string | undefined,
): Promise<CompliancePolicy> {
  if (!file) return defaultPolicy();
  const text = await readFile(resolve(file), 'utf8').catch(() => {
    throw new Error(`${file}: no such file`);
  });
  try {
    if (/^kind:\s*['"]?CompliancePolicy['"]?\s*$/m.test(text)) {
      const full = loadPolicy(text, { fileName: file });
      return mergePolicy(
        defaultPolicy(),
        {
          metadata: full.metadata,
          scoring: full.scoring,
          parameters: full.parameters,
          frameworks: full.frameworks,
          checks: full.checks,
          gate: full.gate,
        },
        { fileName: file },
      );
    }
    return loadPolicy(text, { fileName: file, base: defaultPolicy() });
  } catch (error) {
    // PolicyLoadError's first line only names the file; the first problem names file:line.
    if (error instanceof PolicyLoadError && error.problems.length) {
      const p = error.problems[0];
      const more =
        error.problems.length > 1
          ? ` (and ${error.problems.length - 1} more)`
          : '';
      throw new Error(
        `${file}${p.line ? `:${p.line}:${p.column}` : ''}: ${
          p.path ? `${p.path}: ` : ''
        }${p.message.split('\n')[0]}${more}`,
      );
    }
    throw error;
  }
}

/** The service's Consul view; `view: undefined` means Consul doesn't know the service. */
export async function readConsul(
  url: string,
  service: string,
): Promise<ConsulSource> {
  const client = ConsulClient.create({ address: url });
  try {
    const view = await client.getServiceView(service);
    return { view, index: view?.index };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`consul ${url}: ${message.split('\n')[0]}`);
  } finally {
    // Its keep-alive agent would otherwise hold the process open.
    client.close();
  }
}
