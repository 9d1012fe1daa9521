import TextField from '@mui/material/TextField';
import { useState } from 'react';
import type {
  AttestedCheckInfo,
  CheckResult,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import {
  attestationExpiry,
  validateAttestation,
} from './attestationValidation';
import {
  DecisionDialog,
  ExpiryDateField,
  useSubmission,
} from './DecisionDialog';
import { localDay } from './time';

/** What the dialog sends. */
export interface NewAttestation {
  checkId: string;
  statement: string;
  evidenceUrl: string;
  expiresAt: string;
}

/**
 * Attests a control no infrastructure fact can show (GDPR erasure, PSD2 strong customer
 * authentication): a statement, a link to the evidence and the last day it holds, which
 * defaults to and is bounded by the policy's `maxValidityDays` for the check. Built like the
 * waiver dialog; what the backend refuses (separation of duties, a missing permission) is
 * shown in the dialog.
 */
export function AttestDialog(props: {
  check: CheckResult;
  policy: AttestedCheckInfo;
  onAttest: (attestation: NewAttestation) => Promise<unknown>;
  onClose: () => void;
  onAttested: () => void;
}) {
  const { check, policy, onAttest, onClose, onAttested } = props;
  const max = policy.maxValidityDays;
  const now = new Date();
  const [form, setForm] = useState({
    statement: '',
    evidenceUrl: '',
    expiresOn: localDay(new Date(now.getTime() + max * 24 * 3600_000)),
  });
  const [touched, setTouched] = useState(false);
  const { sending, failure, submit } = useSubmission();
  const errors = validateAttestation(form, max, now);
  const shown = touched ? errors : {};

  function attest() {
    setTouched(true);
    if (Object.keys(errors).length > 0) return;
    submit(
      () =>
        onAttest({
          checkId: check.checkId,
          statement: form.statement.trim(),
          evidenceUrl: form.evidenceUrl.trim(),
          expiresAt: attestationExpiry(form.expiresOn, max, now),
        }),
      onAttested,
    );
  }

  return (
    <DecisionDialog
      id="attest"
      title="Attest control"
      intro={`${check.title} (${check.checkId}, ${check.controls.join(
        ', ',
      )}) cannot be seen in the deployed infrastructure. Your attestation counts as a pass until it expires or is revoked.`}
      failure={failure}
      action="Attest"
      sending={sending}
      onSubmit={attest}
      onClose={onClose}
    >
      <TextField
        label="Statement"
        required
        multiline
        minRows={3}
        value={form.statement}
        onChange={e => setForm({ ...form, statement: e.target.value })}
        error={!!shown.statement}
        helperText={
          shown.statement ??
          'What is in place and how it is done, as you would tell an auditor.'
        }
      />
      <TextField
        label="Evidence link"
        required
        type="url"
        value={form.evidenceUrl}
        onChange={e => setForm({ ...form, evidenceUrl: e.target.value })}
        error={!!shown.evidenceUrl}
        helperText={
          shown.evidenceUrl ??
          'https://… to the runbook, test report or ticket that shows it.'
        }
      />
      <ExpiryDateField
        label="Valid until"
        value={form.expiresOn}
        onChange={expiresOn => setForm({ ...form, expiresOn })}
        maxDays={max}
        now={now}
        error={shown.expiresOn}
        help={`The last day it holds; the policy allows at most ${max} days.`}
      />
    </DecisionDialog>
  );
}
