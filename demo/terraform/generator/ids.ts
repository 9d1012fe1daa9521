import { createHash } from 'node:crypto';

const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
// Characters RDS accepts in a master password (no '/', '@', '"' or space).
const PASSWORD = `${ALNUM}!#%&*()-_=+[]{}<>:?`;

/**
 * Deterministic fake identifiers. Every value is derived from SHA-256 of a seed and a purpose
 * string, so adding a resource never changes the ids of the others and reruns are byte-identical.
 */
export class Ids {
  constructor(private readonly seed: string) {}

  child(seed: string): Ids {
    return new Ids(`${this.seed}/${seed}`);
  }

  bytes(purpose: string, length: number): Buffer {
    const chunks: Buffer[] = [];
    for (let i = 0, total = 0; total < length; i++) {
      const chunk = createHash('sha256')
        .update(`${this.seed}|${purpose}|${i}`)
        .digest();
      chunks.push(chunk);
      total += chunk.length;
    }
    return Buffer.concat(chunks).subarray(0, length);
  }

  private pick(purpose: string, length: number, alphabet: string): string {
    return [...this.bytes(purpose, length)]
      .map(b => alphabet[b % alphabet.length])
      .join('');
  }

  hex(purpose: string, length: number): string {
    return this.bytes(purpose, Math.ceil(length / 2))
      .toString('hex')
      .slice(0, length);
  }

  upper(purpose: string, length: number): string {
    return this.pick(purpose, length, UPPER_ALNUM);
  }

  lower(purpose: string, length: number): string {
    return this.pick(purpose, length, LOWER_ALNUM);
  }

  alnum(purpose: string, length: number): string {
    return this.pick(purpose, length, ALNUM);
  }

  password(purpose: string, length = 32): string {
    return this.pick(purpose, length, PASSWORD);
  }

  base64(purpose: string, bytes: number): string {
    return this.bytes(purpose, bytes).toString('base64');
  }

  int(purpose: string, min: number, max: number): number {
    return min + (this.bytes(purpose, 4).readUInt32BE(0) % (max - min + 1));
  }

  /** A random-looking version 4 UUID. */
  uuid(purpose: string): string {
    const b = Buffer.from(this.bytes(purpose, 16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = b.toString('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(
      16,
      20,
    )}-${h.slice(20)}`;
  }

  /** An RFC 3339 timestamp (whole seconds, UTC) between two fixed dates. */
  timestamp(purpose: string, from: string, to: string): string {
    const start = Date.parse(from) / 1000;
    const end = Date.parse(to) / 1000;
    const seconds =
      start + (this.bytes(purpose, 4).readUInt32BE(0) % (end - start));
    return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
  }
}
