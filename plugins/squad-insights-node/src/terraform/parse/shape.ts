import { StateShapeError } from './StateParseError';

/**
 * Small shape checks shared by the format readers.
 *
 * @internal
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Asserts that `value` is an object, else the state is corrupt. `what` is fixed text naming
 * the part of the format, never content.
 *
 * @internal
 */
export function expectRecord(
  value: unknown,
  what: string,
): Record<string, unknown> {
  if (!isRecord(value))
    throw new StateShapeError('corrupt', `${what} is not an object`);
  return value;
}

/**
 * Asserts a non-empty string.
 *
 * @internal
 */
export function expectName(value: unknown, what: string): string {
  if (typeof value !== 'string' || !value) {
    throw new StateShapeError('corrupt', `${what} is missing`);
  }
  return value;
}

/**
 * `managed` or `data`, else corrupt (Terraform refuses other modes too).
 *
 * @internal
 */
export function expectMode(value: unknown): 'managed' | 'data' {
  if (value === 'managed' || value === 'data') return value;
  throw new StateShapeError('corrupt', 'a resource has an unknown mode');
}
