/**
 * Attribute names the parser treats as secret, whatever Terraform says (see `secrets.ts` for
 * where they are dropped), and the cached verdict on every key the scrubber meets.
 *
 * A name is compared case-insensitively by words (`client_secret`, `clientSecret` and
 * `Client-Secret` are all the words `client secret`). It is secret when:
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
 * `secret`, `encrypted_secret` and `ses_smtp_password_v4`, and with them its key id.
 */

import { fieldNumber } from './instanceFields';

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
const byName: Record<string, number | undefined> = Object.create(null);
let cached = 0;
const MAX_CACHED = 20_000;

/** What a key is to the scrubber; one cached lookup per key answers all of it. */
const PLAIN = 0;
export const SECRET = 1;
/** `name`/`key` of a `{ name, value }` pair (ECS and Kubernetes env, Helm `set`). */
export const PAIR_NAME = 2;
export const PAIR_VALUE = 3;
/** A top-level attribute tags or region are read from: `FIELD` + its `fieldNumber`. */
export const FIELD = 4;

function computeKind(name: string): number {
  if (computeIsSecret(name)) return SECRET;
  if (name === 'name' || name === 'key' || name === 'Name' || name === 'Key') {
    return PAIR_NAME;
  }
  if (name === 'value' || name === 'Value') return PAIR_VALUE;
  const field = fieldNumber(name);
  return field >= 0 ? FIELD + field : PLAIN;
}

/*
 * Every key of every object is looked up here. A prototype-less object answers from the hash
 * V8 keeps in every key string `JSON.parse` makes (keys are internalised): no collisions
 * between the hundreds of attribute names of a real state, where the direct-mapped cache
 * below put two thirds of the corpus's 942 distinct keys into shared slots. Past the cap
 * (user keys of tags and labels are unbounded), that cache keeps the recent verdicts: a slot
 * is picked from the name's length and three of its characters and checked with `===`.
 */
const SLOTS = 1024;
const slotNames: string[] = new Array<string>(SLOTS).fill('');
const slotKinds = new Uint8Array(SLOTS);

function uncachedKind(name: string): number {
  const n = name.length;
  const slot =
    n === 0
      ? 0
      : (n * 31 +
          name.charCodeAt(0) * 7 +
          name.charCodeAt(n >> 1) * 3 +
          name.charCodeAt(n - 1)) &
        (SLOTS - 1);
  if (slotNames[slot] === name) return slotKinds[slot];
  const kind = computeKind(name);
  if (cached < MAX_CACHED) {
    byName[name] = kind;
    cached++;
  } else {
    slotNames[slot] = name;
    slotKinds[slot] = kind;
  }
  return kind;
}

/**
 * What a key is to the scrubber: {@link SECRET}, {@link PAIR_NAME}, {@link PAIR_VALUE},
 * `FIELD` + a field number, or plain.
 *
 * @internal
 */
export function keyKind(name: string): number {
  const kind = byName[name];
  return kind === undefined ? uncachedKind(name) : kind;
}

/**
 * True when an attribute, tag, map key or output called `name` is treated as a secret.
 *
 * @public
 */
export function isSecretAttributeName(name: string): boolean {
  return keyKind(name) === SECRET;
}
