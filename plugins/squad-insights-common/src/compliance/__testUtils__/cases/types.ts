import type { CheckStatus, EvaluationInput } from '../../results';
import type { RawResource } from '../service';

/** One example for a check: a service made of `resources` (and `input`), and the status it must get. */
export interface Case {
  name: string;
  resources?: RawResource[];
  input?: Partial<EvaluationInput>;
  /** Overrides the table's expectation, e.g. `not-applicable` or `unknown` listed with the passes. */
  status?: CheckStatus;
  /** For failures: evidence must name this address. */
  address?: string;
}

export type Cases = Record<string, { pass: Case[]; fail: Case[] }>;
