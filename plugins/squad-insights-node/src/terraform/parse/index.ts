export { parseState } from './parseState';
export { StateParseError } from './StateParseError';
export { parsePlan } from './parsePlan';
export type { StateParseErrorReason } from './StateParseError';
export type { ParseStateOptions, StateParseContext } from './types';
export { isSecretAttributeName } from './secrets';
