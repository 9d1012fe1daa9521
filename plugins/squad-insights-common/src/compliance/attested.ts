import type { Attestation, CheckResult } from './results';

const iso = (d: string | Date) => new Date(d).toISOString();

/**
 * Decides an attested check: a current attestation passes it; only expired ones fail it (what
 * was once attested has lapsed); none at all leaves it unknown, awaiting a reviewer — the
 * infrastructure cannot say either way.
 *
 * @internal
 */
export function attestedResult(
  result: CheckResult,
  attestations: readonly Attestation[] | undefined,
  now: number,
  allEvidence = false,
): CheckResult {
  const own = (attestations ?? []).filter(a => a.checkId === result.checkId);
  const latest = (list: Attestation[]) =>
    list.reduce<Attestation | undefined>(
      (best, a) =>
        !best || new Date(a.expiresAt) > new Date(best.expiresAt) ? a : best,
      undefined,
    );
  const current = latest(
    own.filter(a => new Date(a.expiresAt).getTime() > now),
  );
  const chosen = current ?? latest(own);
  const out: CheckResult = { ...result, attested: true };
  if (!chosen)
    return {
      ...out,
      status: 'unknown',
      reason: 'awaiting attestation by a reviewer',
    };
  out.attestation = {
    attestedBy: chosen.attestedBy,
    attestedAt: iso(chosen.attestedAt),
    expiresAt: iso(chosen.expiresAt),
    statement: chosen.statement,
    ...(chosen.evidenceUrl ? { evidenceUrl: chosen.evidenceUrl } : {}),
  };
  // Like every check, a pass explains itself only when asked to (evidence: 'all').
  if (current && !allEvidence) return { ...out, status: 'pass' };
  out.evidence = [
    {
      source: 'attestation',
      address: chosen.evidenceUrl ?? 'statement',
      attribute: 'expiresAt',
      actual: iso(chosen.expiresAt),
      expected: 'a current attestation',
      note: current
        ? `attested by ${chosen.attestedBy}`
        : `the attestation by ${chosen.attestedBy} expired`,
    },
  ];
  if (current) return { ...out, status: 'pass' };
  return {
    ...out,
    status: 'fail',
    reason: `the last attestation expired on ${iso(chosen.expiresAt).slice(
      0,
      10,
    )}`,
  };
}
