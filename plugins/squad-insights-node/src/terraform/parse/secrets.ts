/**
 * The one list of attribute names the parser treats as secret, whatever Terraform says.
 *
 * Terraform only records `sensitive_attributes` since 0.15, older states and the legacy flatmap
 * formats carry none, and providers do not always mark what they should. So on top of the paths
 * Terraform marks, every attribute whose *name* looks secret is dropped, at any depth, compared
 * case-insensitively by words (`client_secret`, `clientSecret` and `Client-Secret` are all the
 * words `client secret`).
 *
 * A name is secret when:
 * - any word is `password`, `passwd` or `passphrase` (`master_password`, `admin_password`,
 *   `ses_smtp_password_v4`, `password_data`);
 * - the last word is `secret(s)` or `token(s)` (`client_secret`, `encrypted_secret`,
 *   `auth_token`, `access_token`, `sas_token`);
 * - the last two words are a credential noun ({@link CREDENTIAL_PAIRS}: `api_key`,
 *   `access_key`, `secret_key`, `account_key`, `connection_string(s)`, ...), which also covers
 *   `secret_access_key`, `primary_access_key`, `primary_connection_string`;
 * - it contains the words `private key` (`private_key`, `private_key_pem`,
 *   `private_key_openssh`);
 * - it is a kubeconfig (`kube_config`, `kube_config_raw`, `kube_admin_config(_raw)`);
 * - it is one of {@link EXACT_NAMES} (`sas`, `plaintext`, `ciphertext_blob`, `user_data`, ...).
 *
 * `access_key` is dropped too: in backend configs (`terraform_remote_state`) it is an Azure
 * storage key. `aws_iam_access_key` loses its
 * `secret`, `encrypted_secret` and `ses_smtp_password_v4`, and with them its key id (below).
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
import { isAccessKeyId, isSecretValue } from './secretValues';

const CREDENTIAL_PAIRS = new Set([
  'api key',
  'access key',
  'secret key',
  'private key',
  'account key',
  'shared key',
  'master key',
  'client key',
  'signing key',
  'auth key',
  'primary key',
  'secondary key',
  'readonly key',
  'connection string',
  'connection strings',
  'sas url',
  'kube config',
  // kubeconfig's `client-key-data`, `private-key-data` (base64 of a PEM key).
  'key data',
]);

const EXACT_NAMES = new Set([
  'sas',
  'secret string',
  'secret binary',
  'secret data',
  'plaintext',
  'plaintext value',
  'encrypted value',
  'ciphertext blob',
  'bcrypt hash',
  // Bootstrap scripts routinely carry join tokens and credentials; an inventory needs none.
  'user data',
  'user data base64',
  'custom data',
]);

// `p12`, `pfx`, `pkcs12`: certificate bundles with their private key (`certificate_p12` of
// acme_certificate, `pfx_blob`); `kubeconfig` written as one word.
const ANY_WORD = new Set([
  'password',
  'passwd',
  'passphrase',
  'p12',
  'pfx',
  'pkcs12',
  'kubeconfig',
]);
const LAST_WORD = new Set(['secret', 'secrets', 'token', 'tokens']);

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
  };

// A Map, not the object: a resource type is never looked up on Object.prototype.
const SCHEMA_SENSITIVE = new Map(Object.entries(PROVIDER_SENSITIVE));

function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

function computeIsSecret(name: string): boolean {
  const w = words(name);
  if (w.length === 0) return false;
  const last = w[w.length - 1];
  if (LAST_WORD.has(last) || w.some(x => ANY_WORD.has(x))) return true;
  if (w.length >= 2 && CREDENTIAL_PAIRS.has(`${w[w.length - 2]} ${last}`)) {
    return true;
  }
  for (let i = 0; i + 1 < w.length; i++) {
    if (w[i] === 'private' && w[i + 1] === 'key') return true;
  }
  if (w[0] === 'kube' && w.includes('config')) return true;
  return EXACT_NAMES.has(w.join(' '));
}

// Attribute names repeat endlessly across instances, so the verdict is cached. The cache is
// capped because map keys (tags, labels) are user data and unbounded.
const verdicts = new Map<string, number>();
const MAX_CACHED = 20_000;

/** What a key is to the scrubber; one cached lookup per key answers all of it. */
const PLAIN = 0;
const SECRET = 1;
/** `name`/`key` of a `{ name, value }` pair (ECS and Kubernetes env, Helm `set`). */
const PAIR_NAME = 2;
const PAIR_VALUE = 3;

function computeKind(name: string): number {
  if (computeIsSecret(name)) return SECRET;
  if (name === 'name' || name === 'key' || name === 'Name' || name === 'Key') {
    return PAIR_NAME;
  }
  return name === 'value' || name === 'Value' ? PAIR_VALUE : PLAIN;
}

function keyKind(name: string): number {
  let kind = verdicts.get(name);
  if (kind === undefined) {
    kind = computeKind(name);
    if (verdicts.size < MAX_CACHED) verdicts.set(name, kind);
  }
  return kind;
}

/**
 * True when an attribute, tag, map key or output called `name` is treated as a secret.
 *
 * @public
 */
export function isSecretAttributeName(name: string): boolean {
  return keyKind(name) === SECRET;
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
 */
function scrubObject(
  obj: Record<string, unknown>,
  drop?: ReadonlySet<string>,
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
    if (kind >= PAIR_NAME) {
      if (kind === PAIR_VALUE) hasValue = true;
      else if (typeof child === 'string') pairName = child;
    }
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
  }
  const result = kept ?? obj;
  // Names are user data (unbounded): judged only when the object is a name/value pair.
  const secretPair =
    hasValue && pairName !== undefined && isSecretAttributeName(pairName);
  const pairedId = kept !== undefined ? keyId : undefined;
  return secretPair || pairedId !== undefined
    ? without(result, secretPair ? PAIR_VALUES : undefined, pairedId)
    : result;
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

/**
 * One instance's attributes without any secret: type-specific secrets (they may depend on a
 * sibling such as `type`) and secret names at any depth. Cleans the parser's own copy in
 * place where nothing has to go, so use the returned object.
 *
 * @internal
 */
export function scrubSecrets(
  attrs: Record<string, unknown>,
  type: string,
): Record<string, unknown> {
  const rule = TYPE_RULES[type];
  const schema = SCHEMA_SENSITIVE.get(type);
  let drop: Set<string> | undefined;
  if (rule || schema) drop = new Set([...(rule?.(attrs) ?? []), ...(schema ?? [])]);
  return scrubObject(attrs, drop?.size ? drop : undefined);
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
