/*
 * The same infrastructure in the other documents the state parser reads: `terraform show -json`
 * of a format-4 state, and a format-3 state as Terraform 0.11 wrote it. The conformance suite
 * demands that all of them carry the same tags and so get the same verdicts.
 */

type Json = any;

/** A format-4 instance's `sensitive_attributes` (`[[{type:'get_attr',value:'password'}]]`) as show -json's `sensitive_values`. */
function sensitiveValues(paths: Json[] | undefined): Json {
  const out: Json = {};
  for (const p of paths ?? []) {
    let node = out;
    p.forEach((step: Json, i: number) => {
      const key = step.value;
      if (i === p.length - 1) node[key] = true;
      else node = node[key] ??= typeof p[i + 1].value === 'number' ? [] : {};
    });
  }
  return out;
}

/** `["key"]`, `[0]` or nothing: how an address writes an instance key. */
export function keySuffix(indexKey: unknown): string {
  if (indexKey === undefined) return '';
  return typeof indexKey === 'number'
    ? `[${indexKey}]`
    : `[${JSON.stringify(indexKey)}]`;
}

/** The full address of a format-4 instance: `module.a["x"].aws_b.c["k"]`. */
export function instanceAddress(r: Json, i: Json): string {
  const local = `${r.mode === 'data' ? 'data.' : ''}${r.type}.${
    r.name
  }${keySuffix(i.index_key)}`;
  return r.module ? `${r.module}.${local}` : local;
}

/** `module.a["x"].module.b` → [`module.a["x"]`, `module.a["x"].module.b`]. */
function moduleChain(module: string): string[] {
  const parts = module.match(/module\.[A-Za-z0-9_-]+(\[[^\]]+\])?/g) ?? [];
  return parts.map((_, i) => parts.slice(0, i + 1).join('.'));
}

/**
 * `terraform show -json` of a format-4 state (format_version 1.0): every instance listed in its
 * module, values as stored (Terraform prints sensitive ones in plain text and flags them in
 * `sensitive_values`), provider as its source address.
 */
export function toShowJson(state: Json): Json {
  const root: Json = { resources: [], child_modules: [] };
  const modules = new Map<string, Json>([['', root]]);
  const moduleFor = (address: string | undefined): Json => {
    if (!address) return root;
    let parent = root;
    for (const a of moduleChain(address)) {
      let m = modules.get(a);
      if (!m) {
        m = { resources: [], address: a, child_modules: [] };
        modules.set(a, m);
        parent.child_modules.push(m);
      }
      parent = m;
    }
    return parent;
  };
  for (const r of state.resources) {
    for (const i of r.instances) {
      const entry: Json = {
        address: instanceAddress(r, i),
        mode: r.mode,
        type: r.type,
        name: r.name,
        ...(i.index_key === undefined ? {} : { index: i.index_key }),
        provider_name: /provider\["([^"]+)"\]/.exec(r.provider)![1],
        schema_version: i.schema_version,
        values: i.attributes,
        sensitive_values: sensitiveValues(i.sensitive_attributes),
      };
      if (i.dependencies) entry.depends_on = i.dependencies;
      moduleFor(r.module).resources.push(entry);
    }
  }
  for (const m of modules.values())
    if (!m.child_modules.length) delete m.child_modules;
  const outputs = Object.fromEntries(
    Object.entries(state.outputs ?? {}).map(([k, o]: [string, Json]) => [
      k,
      { sensitive: !!o.sensitive, value: o.value, type: o.type },
    ]),
  );
  return {
    format_version: '1.0',
    terraform_version: state.terraform_version,
    values: { outputs, root_module: root },
  };
}

/**
 * Flatmap of a value as Terraform 0.11 stored it: lists and nested blocks with `#`, maps with `%`,
 * leaves as strings. An object inside a list is a block (its attributes are plain keys); an
 * object as an attribute's value is a map (`tags`, `config`).
 */
function flatten(
  value: Json,
  prefix: string,
  out: Record<string, string>,
  block = false,
) {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    out[`${prefix}.#`] = String(value.length);
    value.forEach((v, i) => flatten(v, `${prefix}.${i}`, out, true));
  } else if (typeof value === 'object') {
    if (!block) out[`${prefix}.%`] = String(Object.keys(value).length);
    for (const [k, v] of Object.entries(value))
      flatten(v, `${prefix}.${k}`, out);
  } else out[prefix] = String(value);
}

/**
 * A format-3 state (Terraform 0.11) of the same resources. 0.11 had neither `for_each` nor
 * module instances, nor provider default_tags: `moduleNames` maps each module instance to the
 * module block 0.11 code would have used (`module.squad_microservice["payment-processing"]` →
 * `payment_processing`), string instance keys become count indexes (in key order), and `tags`
 * holds every tag (the effective `tags_all`).
 */
export function toFormat3(
  state: Json,
  moduleNames: (module: string | undefined) => string[],
): Json {
  const modules = new Map<string, Json>();
  for (const r of state.resources) {
    const path = ['root', ...moduleNames(r.module)];
    const key = path.join('.');
    let m = modules.get(key);
    if (!m) {
      m = { path, outputs: {}, resources: {}, depends_on: [] };
      modules.set(key, m);
    }
    const counted =
      r.instances.length > 1 || r.instances[0].index_key !== undefined;
    r.instances.forEach((i: Json, n: number) => {
      const a = { ...i.attributes };
      if (a.tags_all !== undefined) {
        a.tags = a.tags_all;
        delete a.tags_all;
      }
      const flat: Record<string, string> = {};
      for (const [k, v] of Object.entries(a)) flatten(v, k, flat);
      const name = `${r.mode === 'data' ? 'data.' : ''}${r.type}.${r.name}${
        counted ? `.${n}` : ''
      }`;
      const provider = /provider\["[^"]*\/([^"/]+)"\](\.\w+)?/.exec(
        r.provider,
      )!;
      m!.resources[name] = {
        type: r.type,
        depends_on: [],
        primary: {
          id: String(a.id ?? ''),
          attributes: flat,
          meta: { schema_version: String(i.schema_version ?? 0) },
          tainted: false,
        },
        deposed: [],
        provider: `provider.${provider[1]}${provider[2] ?? ''}`,
      };
    });
  }
  return {
    version: 3,
    terraform_version: '0.11.15',
    serial: state.serial,
    lineage: state.lineage,
    modules: [...modules.values()].sort((x, y) =>
      x.path.join('.') < y.path.join('.') ? -1 : 1,
    ),
  };
}
