/**
 * Scrubs secrets out of an instance's attributes (and outputs), whatever Terraform says.
 *
 * Terraform only records `sensitive_attributes` since 0.15, older states and the legacy flatmap
 * formats carry none, and providers do not always mark what they should. So on top of the paths
 * Terraform marks, every attribute whose *name* looks secret (`secretNames.ts`: `password`,
 * `client_secret`, `api_key`, `private_key_pem`, `kube_config`, ...) is dropped, at any depth.
 *
 * Some attributes are secret only for one resource type ({@link TYPE_RULES}), e.g. `value` of
 * an `aws_ssm_parameter` of type `SecureString`, `result` of `random_password`, plus those the
 * providers' schemas mark sensitive (`PROVIDER_SENSITIVE`, generated with its provenance).
 *
 * On top of names, every string value is judged by its content (`secretValues.ts`: tokens,
 * JWTs, private keys, URL passwords, `KEY=value` pairs), JSON documents inside strings are
 * scrubbed inside and serialised again, the `value` of a `{ name, value }` pair whose name is
 * secret goes, and so does an AWS access key id beside a dropped secret (so
 * `aws_iam_access_key` loses its `id`, the key id). A dropped value goes the same way as a
 * dropped name: its key is left out, a list element becomes `null`.
 *
 * Dropping a harmless attribute (`password_reset_required`, `creation_token`) costs little in
 * an inventory; leaking one secret costs a lot, so the rules lean wide.
 */

import { PROVIDER_SENSITIVE } from './providerSensitive';
import { fieldsOf, InstanceFields, setField } from './instanceFields';
import {
  FIELD,
  isSecretAttributeName,
  keyKind,
  PAIR_NAME,
  PAIR_VALUE,
  SECRET,
} from './secretNames';
import { isAccessKeyId, isSecretValue } from './secretValues';

export { isSecretAttributeName };

/**
 * Attributes that are secret only for a given resource type. A function decides when the
 * secrecy depends on another attribute.
 */
const TYPE_RULES: Record<string, (attrs: Record<string, unknown>) => string[]> =
  {
    aws_ssm_parameter: a => (a.type === 'SecureString' ? ['value'] : []),
    random_password: () => ['result'],
    azuread_application_password: () => ['value'],
    azuread_service_principal_password: () => ['value'],
    azurerm_key_vault_secret: () => ['value'],
    kubernetes_secret: () => ['data', 'binary_data'],
    kubernetes_secret_v1: () => ['data', 'binary_data'],
    vault_generic_secret: () => ['data', 'data_json'],
    vault_kv_secret: () => ['data', 'data_json'],
    vault_kv_secret_v2: () => ['data', 'data_json'],
    // Data sources whose schemas mark nothing sensitive, though they hand out secrets: an
    // IVS stream key, every API key of an account (`items[].value`), an object's content.
    aws_ivs_stream_key: () => ['value'],
    aws_api_gateway_api_keys: () => ['items'],
    google_storage_bucket_object_content: () => ['content'],
  };

/** What is secret only for a resource type: its rule and its schema's sensitive names. */
interface TypeSecrets {
  rule?: (attrs: Record<string, unknown>) => string[];
  names?: ReadonlySet<string>;
  /** Sensitive fields inside blocks (`set_sensitive.value`), as paths below the top level. */
  nested?: readonly string[][];
}

// One Map for both tables, looked up once per instance; a Map, not an object, so that a
// resource type is never looked up on Object.prototype.
const BY_TYPE = new Map<string, TypeSecrets>();
for (const [type, rule] of Object.entries(TYPE_RULES))
  BY_TYPE.set(type, { rule });
for (const [type, names] of Object.entries(PROVIDER_SENSITIVE)) {
  const entry = BY_TYPE.get(type) ?? {};
  entry.names = new Set(names.filter(n => !n.includes('.')));
  const nested = names.filter(n => n.includes('.')).map(n => n.split('.'));
  if (nested.length) entry.nested = nested;
  BY_TYPE.set(type, entry);
}

/**
 * `node` without the field at `path` in every element of the blocks on the way (a block is an
 * object, or a list of them as Terraform stores nested blocks). Rare (a few resource types),
 * so it copies what it changes rather than bend the single pass.
 */
function withoutPath(node: unknown, path: readonly string[]): unknown {
  if (Array.isArray(node)) {
    let changed = false;
    const out = node.map(item => {
      const clean = withoutPath(item, path);
      changed ||= clean !== item;
      return clean;
    });
    return changed ? out : node;
  }
  if (typeof node !== 'object' || node === null) return node;
  const obj = node as Record<string, unknown>;
  const [head, ...rest] = path;
  if (!(head in obj)) return obj;
  if (rest.length === 0) return without(obj, undefined, head);
  const child = withoutPath(obj[head], rest);
  if (child === obj[head]) return obj;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(obj)) setOwn(out, k, k === head ? child : obj[k]);
  return out;
}

/**
 * Sets an own property the way `JSON.parse` does: `__proto__` becomes an ordinary own key
 * instead of replacing the prototype.
 *
 * @internal
 */
export function setOwn(
  target: Record<string, unknown>,
  key: string,
  value: unknown,
): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else target[key] = value;
}

/** The keys of `obj` enumerated before `stop`, copied into a new object. */
function keptBefore(
  obj: Record<string, unknown>,
  stop: string,
): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const key in obj) {
    if (key === stop) break;
    else setOwn(kept, key, obj[key]);
  }
  return kept;
}

/** Incremented whenever anything is dropped: tells a JSON string whether to re-serialise. */
let drops = 0;

/**
 * A string value as it may be kept: itself, `undefined` when it is or holds a credential, or,
 * for a JSON document inside the string (`container_definitions`, a task's `environment`),
 * the document scrubbed the same way and serialised again, so its other content still serves
 * the checks. Only a string that starts with `{` or `[` and ends with `}` or `]` is parsed,
 * and only when the text scan flags it; one that is not JSON after all is dropped whole.
 */
function scrubString(s: string): string | undefined {
  const n = s.length;
  if (n < 8) return s;
  const first = s.charCodeAt(0);
  if (first === 0x7b || first === 0x5b) {
    const last = s.charCodeAt(n - 1);
    if (last === 0x7d || last === 0x5d) {
      // The text scan sees every key and value of the document: only a document it flags
      // is parsed (IAM policies, the commonest JSON strings, never are).
      if (!isSecretValue(s)) return s;
      let doc: unknown;
      try {
        doc = JSON.parse(s);
      } catch {
        return dropped();
      }
      if (typeof doc !== 'object' || doc === null) return s;
      const before = drops;
      const clean = scrubNode(doc);
      return drops === before ? s : JSON.stringify(clean);
    }
  }
  return isSecretValue(s) ? dropped() : s;
}

function dropped(): undefined {
  drops++;
  return undefined;
}

function scrubArray(array: unknown[]): void {
  for (let i = 0; i < array.length; i++) {
    const item = array[i];
    if (typeof item === 'string') {
      // A list element is replaced by null, as a sensitive path is, so indexes keep meaning.
      if (item.length >= 8) {
        const clean = scrubString(item);
        if (clean !== item) array[i] = clean ?? null;
      }
    } else if (typeof item === 'object' && item !== null) {
      const clean = scrubNode(item);
      if (clean !== item) array[i] = clean;
    }
  }
}

const PAIR_VALUES = new Set(['value', 'Value']);

/**
 * `obj` without secret-named keys, secret values and JSON strings' secrets (or `drop`ped
 * keys) at any depth. Nothing is deleted: while no key goes, children are cleaned in place
 * and `obj` itself is returned; from the first key that goes, the kept keys are copied into a
 * new object, in the same order. `delete` would turn `JSON.parse`'s fast objects into slow
 * dictionaries for every later reader (tags, region, the engines), and this visits every node
 * of every instance, the parser's largest cost after `JSON.parse` itself. for-in rather than
 * Object.keys: no key array per object.
 *
 * Afterwards, two kinds of key go that are only secret beside another: the `value` of a
 * name/value pair whose name is secret, and an AWS access key id in an object that held a
 * secret (the id alone is an identifier; with its secret key it is half a credential).
 *
 * `fields`, given for an instance's top level only, receives the kept values tags and region
 * are read from, as they pass.
 */
function scrubObject(
  obj: Record<string, unknown>,
  drop?: ReadonlySet<string>,
  fields?: InstanceFields,
): Record<string, unknown> {
  let kept: Record<string, unknown> | undefined;
  let pairName: string | undefined;
  let hasValue = false;
  let keyId: string | undefined;
  // Objects from JSON.parse have no inherited enumerable keys: no guard needed.
  // eslint-disable-next-line guard-for-in
  for (const key in obj) {
    const kind = keyKind(key);
    if (kind === SECRET || (drop !== undefined && drop.has(key))) {
      drops++;
      kept ??= keptBefore(obj, key);
      continue;
    }
    let child = obj[key];
    // A `{ name, value }` pair is only judged once the loop has seen both.
    if (kind === PAIR_VALUE) hasValue = true;
    else if (kind === PAIR_NAME && typeof child === 'string') pairName = child;
    if (typeof child === 'string') {
      if (child.length >= 8) {
        const clean = scrubString(child);
        if (clean === undefined) {
          kept ??= keptBefore(obj, key);
          continue;
        }
        if (clean !== child) {
          child = clean;
          if (kept === undefined) obj[key] = clean;
        } else if (child.length === 20 && isAccessKeyId(child)) keyId = key;
      }
    } else if (typeof child === 'object' && child !== null) {
      const clean = scrubNode(child);
      if (clean !== child) {
        child = clean;
        if (kept === undefined) obj[key] = clean;
      }
    }
    if (kept !== undefined) setOwn(kept, key, child);
    if (kind >= FIELD && fields !== undefined)
      setField(fields, kind - FIELD, child);
  }
  const result = kept ?? obj;
  // Names are user data (unbounded): judged only when the object is a name/value pair.
  const secretPair =
    hasValue && pairName !== undefined && isSecretAttributeName(pairName);
  const pairedId = kept !== undefined ? keyId : undefined;
  if (!secretPair && pairedId === undefined) return result;
  const rest = without(result, secretPair ? PAIR_VALUES : undefined, pairedId);
  // Rare: a key went after its value was noted; note the fields again from what is left.
  if (fields !== undefined && rest !== result)
    Object.assign(fields, fieldsOf(rest));
  return rest;
}

/** `obj` without the `keys` and `key`, when it has any of them (rare: the pair rules). */
function without(
  obj: Record<string, unknown>,
  keys: ReadonlySet<string> | undefined,
  key: string | undefined,
): Record<string, unknown> {
  let hit = key !== undefined && key in obj;
  if (keys) for (const k of keys) hit ||= k in obj;
  if (!hit) return obj;
  drops++;
  const out: Record<string, unknown> = {};
  for (const k in obj) {
    if (k !== key && !keys?.has(k)) setOwn(out, k, obj[k]);
  }
  return out;
}

function scrubNode(node: object): object {
  if (Array.isArray(node)) {
    scrubArray(node);
    return node;
  }
  return scrubObject(node as Record<string, unknown>);
}

let lastType = '';
let lastSecrets: TypeSecrets | undefined;

/**
 * One instance's attributes without any secret: the top-level names in `omit` (what the state
 * marks sensitive), type-specific secrets (they may depend on a sibling such as `type`) and
 * secret names at any depth. Cleans the parser's own copy in place where nothing has to go,
 * so use the returned object. `fields` receives what tags and region are read from.
 *
 * @internal
 */
export function scrubSecrets(
  attrs: Record<string, unknown>,
  type: string,
  omit?: ReadonlySet<string>,
  fields?: InstanceFields,
): Record<string, unknown> {
  // Instances come resource by resource, and those of one resource share its type string:
  // comparing with the last type spares a hash of the type per instance.
  if (type !== lastType) {
    lastType = type;
    lastSecrets = BY_TYPE.get(type);
  }
  const secrets = lastSecrets;
  if (secrets === undefined) return scrubObject(attrs, omit, fields);
  let drop = secrets.names;
  if (secrets.rule) {
    // A rule judges the attributes as left after `omit` (a sensitive `type` decides nothing).
    const ruled = secrets.rule(omit ? withoutKeys(attrs, omit) : attrs);
    if (ruled.length) drop = union(drop, ruled);
  }
  if (omit) drop = drop === undefined ? omit : union(drop, omit);
  const clean = scrubObject(attrs, drop?.size ? drop : undefined, fields);
  if (!secrets.nested) return clean;
  let out: Record<string, unknown> = clean;
  for (const path of secrets.nested)
    out = withoutPath(out, path) as Record<string, unknown>;
  return out;
}

/** `set` and `more` as one set; `set` itself when it holds all of `more` (the usual case). */
function union(
  set: ReadonlySet<string> | undefined,
  more: Iterable<string>,
): ReadonlySet<string> {
  let out: Set<string> | undefined;
  for (const name of more) {
    if (set?.has(name) || out?.has(name)) continue;
    out ??= new Set(set);
    out.add(name);
  }
  return out ?? set ?? new Set();
}

function withoutKeys(
  attrs: Record<string, unknown>,
  keys: ReadonlySet<string>,
): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const key in attrs) if (!keys.has(key)) setOwn(kept, key, attrs[key]);
  return kept;
}

/**
 * An arbitrary value (an output's value) without secrets at any depth, scrubbed as attributes
 * are; cleaned in place where nothing has to go, so use the returned value. `undefined` when
 * the value is itself a secret string.
 *
 * @internal
 */
export function scrubValue<T>(value: T): T | undefined {
  if (typeof value === 'string') return scrubString(value) as T | undefined;
  return typeof value === 'object' && value !== null
    ? (scrubNode(value) as T)
    : value;
}
