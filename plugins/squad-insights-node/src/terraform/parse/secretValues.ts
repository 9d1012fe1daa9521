/**
 * Secrets recognised by their value, whatever the attribute is called: what the name-based
 * rules in `secrets.ts` cannot see (`value` of an API key resource, a token in a map whose key
 * says nothing, `DATABASE_URL=postgres://user:password@host` in an environment string).
 *
 * Every string of every instance passes through here, so the order of the tests is chosen
 * for the common case, a short identifier or ARN that holds nothing:
 * 1. strings shorter than 8 characters are never looked at;
 * 2. a whole-value shape (a token, a JWT, a PEM or DER block, an AWS secret key) is tested only
 *    when the first character could start one (a 128-entry table) or the length is 40;
 * 3. embedded secrets are looked for only in a string that holds one of the characters their
 *    markers need (one test of a character class, native code): `@` for URL credentials, `=`
 *    and `:` for `KEY=value` / `key: value` pairs, `B` of `-----BEGIN `, `J` of `eyJ`; then in
 *    one pass over the characters (no search per marker), stopping only at those; ARNs are
 *    skipped whole.
 *
 * Rules lean wide, as the name rules do: dropping a harmless value costs an inventory little.
 */

import { isSecretAttributeName } from './secretNames';

const MIN_LENGTH = 8;

const code = (c: string) => c.charCodeAt(0);

/** First characters that may start a whole-value secret shape. */
const STARTS = new Uint8Array(128);
for (const c of '-eghxsrwALSnMdp') STARTS[code(c)] = 1;

/** Characters of a token body: `[A-Za-z0-9_-]`, and `.` for JWT-like tokens. */
const TOKEN = new Uint8Array(128);
for (let i = 0; i < 128; i++) {
  const ch = String.fromCharCode(i);
  if (/[A-Za-z0-9_\-.]/.test(ch)) TOKEN[i] = 1;
}
/** Base64 alphabet (standard and URL-safe, with padding). */
const BASE64 = new Uint8Array(128);
for (let i = 0; i < 128; i++) {
  if (/[A-Za-z0-9+/=_-]/.test(String.fromCharCode(i))) BASE64[i] = 1;
}
/** Characters of a `KEY` in `KEY=value`. */
const KEY = new Uint8Array(128);
for (let i = 0; i < 128; i++) {
  if (/[A-Za-z0-9_.-]/.test(String.fromCharCode(i))) KEY[i] = 1;
}

function all(table: Uint8Array, s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || table[c] === 0) return false;
  }
  return true;
}

/** A prefix followed by at least `min` token characters, and nothing else. */
function prefixed(s: string, prefix: string, min: number): boolean {
  return (
    s.length >= prefix.length + min &&
    s.startsWith(prefix) &&
    all(TOKEN, s, prefix.length, s.length)
  );
}

/**
 * PEM labels that are public by design; every other block (private keys in any format,
 * PKCS#12, encrypted keys, PGP secret keys) is a secret.
 */
const PUBLIC_PEM = new Set([
  'CERTIFICATE',
  'TRUSTED CERTIFICATE',
  'CERTIFICATE REQUEST',
  'NEW CERTIFICATE REQUEST',
  'X509 CRL',
  'PUBLIC KEY',
  'RSA PUBLIC KEY',
  'PGP PUBLIC KEY BLOCK',
  'PGP SIGNATURE',
  'SSH2 PUBLIC KEY',
]);

/** `s` holds a non-public PEM block whose `-----BEGIN ` starts at `at`. */
function pemAt(s: string, at: number): boolean {
  const from = at + 11;
  const end = s.indexOf('-----', from);
  if (end < 0 || end - from > 64) return true; // malformed: lean wide
  return !PUBLIC_PEM.has(s.slice(from, end));
}

/** A JWT (or JWS/JWE) starting at `at`: `eyJ` header, then two more dot-separated parts. */
function jwtAt(s: string, at: number): boolean {
  let dots = 0;
  let i = at;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x2e) dots++;
    else if (c >= 128 || TOKEN[c] === 0) break;
  }
  return dots >= 2 && i - at >= 24;
}

/**
 * A DER structure in base64 that starts `SEQUENCE { INTEGER`: a private key (PKCS#1, PKCS#8)
 * or a PKCS#12 bundle. X.509 certificates start `SEQUENCE { SEQUENCE` and are kept. Base64 of
 * bytes `30 82 LL LL 02` is `MII`, any, one of `AQgw`, then `I`.
 */
function derPrivate(s: string): boolean {
  if (s.length < 100 || !s.startsWith('MII') || s.charCodeAt(6) !== code('I')) {
    return false;
  }
  const c5 = s[5];
  return (
    (c5 === 'A' || c5 === 'Q' || c5 === 'g' || c5 === 'w') &&
    all(BASE64, s, 0, Math.min(s.length, 256))
  );
}

/** A PEM block that was base64-encoded again (kubeconfig `client-key-data`, Helm values). */
function base64Pem(s: string): boolean {
  if (!s.startsWith('LS0tLS1CRUdJTi')) return false;
  const head = Buffer.from(s.slice(0, 120), 'base64').toString('latin1');
  return pemAt(head, 0);
}

/**
 * An AWS secret access key: 40 base64 characters with upper case, lower case and a digit.
 * Hex digests (SHA-1, etags) have a single case and are kept.
 */
function awsSecretKey(s: string): boolean {
  let upper = false;
  let lower = false;
  let digit = false;
  for (let i = 0; i < 40; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) upper = true;
    else if (c >= 97 && c <= 122) lower = true;
    else if (c >= 48 && c <= 57) digit = true;
    else if (c !== 0x2b && c !== 0x2f) return false; // + /
  }
  return upper && lower && digit;
}

/** An AWS access key id (`AKIA…`, `ASIA…`): not a secret alone, but one beside a secret. */
export function isAccessKeyId(s: string): boolean {
  return (
    s.length === 20 &&
    (s.startsWith('AKIA') || s.startsWith('ASIA')) &&
    /^[A-Z0-9]{20}$/.test(s)
  );
}

/** A whole value with the shape of a credential. */
function wholeValue(s: string): boolean {
  const c0 = s.charCodeAt(0);
  if (s.length === 40 && awsSecretKey(s)) return true;
  if (c0 >= 128 || STARTS[c0] === 0) return false;
  switch (s[0]) {
    case '-':
      return s.startsWith('-----BEGIN ') && pemAt(s, 0);
    case 'e':
      return s.startsWith('eyJ') && jwtAt(s, 0);
    case 'g': // GitHub, GitLab
      return (
        (s[1] === 'h' &&
          s[3] === '_' &&
          'pousr'.includes(s[2]) &&
          prefixed(s, s.slice(0, 4), 30)) ||
        prefixed(s, 'github_pat_', 40) ||
        prefixed(s, 'glpat-', 20)
      );
    case 'x': // Slack
      return (
        (s.startsWith('xox') &&
          'abprse'.includes(s[3]) &&
          prefixed(s, s.slice(0, 5), 10)) ||
        prefixed(s, 'xapp-', 10)
      );
    case 's': // Stripe, Shopify
      if (s[1] === 'h')
        return prefixed(s, 'shpat_', 20) || prefixed(s, 'shpss_', 20);
      return (
        s[1] === 'k' &&
        (prefixed(s, 'sk_live_', 10) || prefixed(s, 'sk_test_', 10))
      );
    case 'r': // Stripe restricted keys
      return (
        s[1] === 'k' &&
        (prefixed(s, 'rk_live_', 10) || prefixed(s, 'rk_test_', 10))
      );
    case 'w':
      return prefixed(s, 'whsec_', 10);
    case 'A': // Google API key
      return prefixed(s, 'AIza', 30);
    case 'S': // SendGrid
      return prefixed(s, 'SG.', 40);
    case 'h': // Vault tokens
      return prefixed(s, 'hvs.', 20) || prefixed(s, 'hvb.', 20);
    case 'n':
      return prefixed(s, 'npm_', 30);
    case 'd': // Datadog (ddapi_/ddapp_-prefixed keys), DigitalOcean
      return (
        prefixed(s, 'ddapi_', 20) ||
        prefixed(s, 'ddapp_', 20) ||
        prefixed(s, 'dop_v1_', 40)
      );
    case 'p':
      return prefixed(s, 'pypi-', 40);
    case 'M':
      return derPrivate(s);
    case 'L':
      return base64Pem(s);
    default:
      return false;
  }
}

const DELIMITER = new Uint8Array(128);
for (const c of ' \t\r\n"\'`<>()[]{},;&|\\') DELIMITER[code(c)] = 1;
const isDelimiter = (c: number) => c < 128 && DELIMITER[c] === 1;

/** Characters at which the scanner stops to look closer. */
const MARK = new Uint8Array(128);
// Rare letters stand for their markers: `B` of `-----BEGIN `, `J` of `eyJ`.
for (const c of '@=:BJ') MARK[code(c)] = 1;
/** The same characters, for a first test of the whole string. */
const MARKERS = /[@=:BJ]/;

/** End of the value that starts at `start`: the next delimiter. */
function valueEnd(s: string, start: number): number {
  let end = start;
  while (end < s.length && !isDelimiter(s.charCodeAt(end))) end++;
  return end;
}

/** Start of the key that ends at `end`. */
function keyStart(s: string, end: number): number {
  let start = end;
  while (start > 0) {
    const c = s.charCodeAt(start - 1);
    if (c >= 128 || KEY[c] === 0) break;
    start--;
  }
  return start;
}

const PAIR_KEYS = new Set(['name', 'Name', 'key', 'Key']);

/**
 * `KEY=value`, `key: value` or `"key":"value"` around the separator at `at` (the value
 * starting at `from`): a secret-named key with a value, a credential-shaped value, or, in
 * JSON, a name/value pair naming a secret (`{"name":"DB_PASSWORD","value":…}`).
 */
function pairAt(
  s: string,
  at: number,
  from: number,
  quotedKey: boolean,
): boolean {
  let start = from;
  while (start < s.length && s.charCodeAt(start) === 0x20) start++;
  const q = s.charCodeAt(start);
  if (q === 0x22 || q === 0x27) start++;
  const end = valueEnd(s, start);
  const first = s.charCodeAt(start);
  // `==` (base64 padding, comparisons) and `${var.x}` references hold no value.
  if (end === start || first === 0x3d || first === 0x24) return false;
  const keyEnd = quotedKey ? at - 1 : at;
  const key = s.slice(keyStart(s, keyEnd), keyEnd);
  if (key.length > 0 && isSecretAttributeName(key)) return true;
  if (quotedKey && PAIR_KEYS.has(key)) {
    return isSecretAttributeName(s.slice(start, end));
  }
  const length = end - start;
  if (length < MIN_LENGTH) return false;
  if (length !== 40 && (first >= 128 || STARTS[first] === 0)) return false;
  return wholeValue(s.slice(start, end));
}

/** `scheme://user:password@host` (or `scheme://token@host` with a token-shaped user). */
function urlCredentialAt(s: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0) {
    const c = s.charCodeAt(i);
    if (c === 0x2f || isDelimiter(c)) break; // '/'
    i--;
  }
  if (
    i < 2 ||
    s.charCodeAt(i) !== 0x2f ||
    s.charCodeAt(i - 1) !== 0x2f ||
    s.charCodeAt(i - 2) !== 0x3a
  ) {
    return false;
  }
  const userinfo = s.slice(i + 1, at);
  const colon = userinfo.indexOf(':');
  return colon >= 0
    ? colon < userinfo.length - 1
    : userinfo.length >= MIN_LENGTH && wholeValue(userinfo);
}

/**
 * A credential embedded anywhere in a longer text, in one pass over its characters: the
 * scanner stops only at `@ = : B J` and looks closer only where the neighbours fit (`://…@`,
 * `KEY=`, `key: `, `"key":`, `-----BEGIN `, `eyJ`). One pass, no regular expression and no
 * per-marker search of the whole string: ARNs are full of `:` and cost a comparison each.
 */
function embedded(s: string): boolean {
  const n = s.length;
  for (let i = 1; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || MARK[c] === 0) continue;
    switch (c) {
      case 0x40: // @
        if (urlCredentialAt(s, i)) return true;
        break;
      case 0x3d: // =
        if (pairAt(s, i, i + 1, false)) return true;
        break;
      case 0x3a: {
        // :
        const next = s.charCodeAt(i + 1);
        const quoted = s.charCodeAt(i - 1) === 0x22;
        if ((next === 0x20 || quoted) && pairAt(s, i, i + 1, quoted))
          return true;
        break;
      }
      case 0x42: // B
        if (i >= 5 && s.startsWith('-----BEGIN ', i - 5) && pemAt(s, i - 5))
          return true;
        break;
      default: // J
        if (
          i >= 2 &&
          s.charCodeAt(i - 1) === 0x79 &&
          s.charCodeAt(i - 2) === 0x65 &&
          jwtAt(s, i - 2)
        )
          return true;
    }
  }
  return false;
}

/** The start of an IAM or resource policy document, as AWS or `jsonencode` writes it. */
const POLICY = /^\{\s*"(?:Version|Statement|Id)"\s*:/;

/**
 * True when a string value is, or holds, a credential: a token with a well-known prefix
 * (GitHub, GitLab, Slack, Stripe, Google, SendGrid, Vault, npm, Datadog), a JWT, a private
 * PEM or DER block (also base64-encoded again), an AWS secret access key, a URL with a
 * password, or a `KEY=value` / `key: value` / `"key":"value"` pair whose key looks secret.
 *
 * For a JSON document inside a string this answers "may hold a secret": the scrubber then
 * parses it and scrubs inside.
 *
 * @public
 */
export function isSecretValue(s: string): boolean {
  if (s.length < MIN_LENGTH) return false;
  const c0 = s.charCodeAt(0);
  // ARNs are the commonest long values and never hold a credential.
  if (c0 === 0x61 && s.startsWith('arn:')) return false;
  if (c0 === 0x7b && POLICY.test(s)) return policyHolds(s);
  // Most strings hold no marker at all: one native pass of a regular expression tells them
  // apart faster than the scanner's loop, which then runs on the few that do.
  return wholeValue(s) || (s.length >= 12 && MARKERS.test(s) && embedded(s));
}

/**
 * A policy document (the longest JSON strings of a state, in about every IAM resource) has
 * no place for a credential: its keys are the policy grammar's and its values actions, ARNs
 * and condition values. It is searched natively for what could still be pasted into a
 * condition value (a URL with a password, a private key) instead of being scanned
 * character by character for `key: value` pairs.
 */
function policyHolds(s: string): boolean {
  for (let at = s.indexOf('@'); at > 0; at = s.indexOf('@', at + 1)) {
    if (urlCredentialAt(s, at)) return true;
  }
  const pem = s.indexOf('-----BEGIN ');
  return pem >= 0 && pemAt(s, pem);
}
