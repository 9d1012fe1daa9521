import { InputError } from '@backstage/errors';

/**
 * Why a Terraform state could not be read.
 *
 * - `encrypted`: an OpenTofu state-encryption envelope; there is no state to read without the key.
 * - `not-json`: the bytes are not JSON at all (or have garbage in the middle).
 * - `truncated`: the bytes start like JSON but end before the document does.
 * - `corrupt`: valid JSON, but not shaped like any Terraform state format.
 * - `unknown-version`: a state file whose format `version` is missing or not 1–4, or a
 *   `terraform show -json` document whose `format_version` major is newer than 1.
 *
 * @public
 */
export type StateParseErrorReason =
  | 'encrypted'
  | 'corrupt'
  | 'truncated'
  | 'not-json'
  | 'unknown-version';

// Each reason's explanation. The message deliberately never quotes the input: a state holds
// secrets, and a JSON parser's own message would echo a slice of it.
const EXPLANATIONS: Record<StateParseErrorReason, string> = {
  encrypted:
    'is encrypted with OpenTofu state encryption; configure decryption or point at an unencrypted state',
  'not-json': 'is not valid JSON',
  truncated: 'ends before the JSON document does; the file looks truncated',
  corrupt: 'is valid JSON but not a Terraform state',
  'unknown-version': 'uses a state format version this reader does not support',
};

/**
 * A Terraform state that cannot be turned into an inventory. It is an `InputError` (its
 * `name` stays `InputError`), so a Backstage router answers 400: the state the caller pointed
 * at is unusable, the service is fine.
 *
 * @public
 */
export class StateParseError extends InputError {
  readonly sourceId: string;
  readonly key: string;
  readonly reason: StateParseErrorReason;

  /**
   * @param detail - an extra sentence about the problem. Callers pass only fixed text or
   *   format metadata (a version number), never anything copied from the state's content.
   */
  constructor(
    where: { sourceId: string; key: string },
    reason: StateParseErrorReason,
    detail?: string,
  ) {
    const suffix = detail ? ` (${detail})` : '';
    super(
      `Terraform state ${where.sourceId}:${where.key} ${EXPLANATIONS[reason]}${suffix}`,
    );
    this.sourceId = where.sourceId;
    this.key = where.key;
    this.reason = reason;
  }

  /**
   * True for a `StateParseError`, also across package copies where `instanceof` fails.
   */
  static isStateParseError(error: unknown): error is StateParseError {
    return (
      error instanceof StateParseError ||
      (error instanceof Error &&
        typeof (error as Partial<StateParseError>).reason === 'string' &&
        typeof (error as Partial<StateParseError>).sourceId === 'string')
    );
  }
}

/**
 * A shape problem found before the source and key are attached; `parseState` turns it into a
 * `StateParseError`. Keeps the format readers free of the caller's context.
 *
 * @internal
 */
export class StateShapeError extends Error {
  constructor(
    readonly reason: StateParseErrorReason,
    readonly detail?: string,
  ) {
    super(detail ?? reason);
  }
}
