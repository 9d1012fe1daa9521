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
 * storage key. `aws_iam_access_key` keeps its key id, which lives in `id`; its `secret`,
 * `encrypted_secret` and `ses_smtp_password_v4` go.
 *
 * Some attributes are secret only for one resource type ({@link TYPE_RULES}), e.g. `value` of
 * an `aws_ssm_parameter` of type `SecureString`, `result` of `random_password`.
 *
 * Dropping a harmless attribute (`password_reset_required`, `creation_token`) costs little in
 * an inventory; leaking one secret costs a lot, so the rules lean wide.
 */

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

const ANY_WORD = new Set(['password', 'passwd', 'passphrase']);
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
const verdicts = new Map<string, boolean>();
const MAX_CACHED = 20_000;

/**
 * True when an attribute, tag, map key or output called `name` is treated as a secret.
 *
 * @public
 */
export function isSecretAttributeName(name: string): boolean {
  let verdict = verdicts.get(name);
  if (verdict === undefined) {
    verdict = computeIsSecret(name);
    if (verdicts.size < MAX_CACHED) verdicts.set(name, verdict);
  }
  return verdict;
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

function scrubArray(array: unknown[]): void {
  for (let i = 0; i < array.length; i++) {
    const item = array[i];
    // Arrays of strings and numbers (CIDR blocks, ids) cannot hold a name: one type check each.
    if (typeof item === 'object' && item !== null) {
      const clean = scrubNode(item);
      if (clean !== item) array[i] = clean;
    }
  }
}

/**
 * `obj` without secret-named keys (or `drop`ped ones) at any depth. Nothing is deleted: while
 * no key goes, children are cleaned in place and `obj` itself is returned; from the first key
 * that goes, the kept keys are copied into a new object, in the same order. `delete` would turn
 * `JSON.parse`'s fast objects into slow dictionaries for every later reader (tags, region, the
 * engines), and this visits every node of every instance, the parser's largest cost after
 * `JSON.parse` itself. for-in rather than Object.keys: no key array per object.
 */
function scrubObject(
  obj: Record<string, unknown>,
  drop?: ReadonlySet<string>,
): Record<string, unknown> {
  let kept: Record<string, unknown> | undefined;
  for (const key in obj) {
    if (isSecretAttributeName(key) || (drop !== undefined && drop.has(key))) {
      kept ??= keptBefore(obj, key);
    } else {
      let child = obj[key];
      if (typeof child === 'object' && child !== null) {
        const clean = scrubNode(child);
        if (clean !== child) {
          child = clean;
          if (kept === undefined) obj[key] = clean;
        }
      }
      if (kept !== undefined) setOwn(kept, key, child);
    }
  }
  return kept ?? obj;
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
  const drop = rule ? new Set(rule(attrs)) : undefined;
  return scrubObject(attrs, drop?.size ? drop : undefined);
}

/**
 * An arbitrary value (an output's value) without secret-named keys at any depth; cleaned in
 * place where nothing has to go, so use the returned value.
 *
 * @internal
 */
export function scrubValue<T>(value: T): T {
  return typeof value === 'object' && value !== null
    ? (scrubNode(value) as T)
    : value;
}
