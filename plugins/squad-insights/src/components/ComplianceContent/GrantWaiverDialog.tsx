import TextField from '@mui/material/TextField';
import { useState } from 'react';
import type { CheckResult } from '@squad-insights/backstage-plugin-squad-insights-common';
import { DecisionDialog, ExpiryDateField, useSubmission } from './DecisionDialog';
import { localDay } from './time';
import { expiryInstant, MAX_WAIVER_DAYS, validateWaiver } from './waiverValidation';

const DEFAULT_DAYS = 90;

/**
 * Grants a waiver for one failing check. The form is checked before sending; what the
 * backend refuses (separation of duties, a missing permission) is shown in the dialog, which
 * stays open so the reviewer can read it.
 */
export function GrantWaiverDialog(props: {
  check: CheckResult;
  onGrant: (waiver: { checkId: string; justification: string; expiresAt: string }) => Promise<unknown>;
  onClose: () => void;
  onGranted: () => void;
}) {
  const { check, onGrant, onClose, onGranted } = props;
  const now = new Date();
  const [form, setForm] = useState({
    justification: '',
    expiresOn: localDay(new Date(now.getTime() + DEFAULT_DAYS * 24 * 3600_000)),
  });
  const [touched, setTouched] = useState(false);
  const { sending, failure, submit } = useSubmission();
  const errors = validateWaiver(form, now);
  const shown = touched ? errors : {};

  function grant() {
    setTouched(true);
    if (Object.keys(errors).length > 0) return;
    submit(
      () =>
        onGrant({
          checkId: check.checkId,
          justification: form.justification.trim(),
          expiresAt: expiryInstant(form.expiresOn),
        }),
      onGranted,
    );
  }

  return (
    <DecisionDialog
      id="grant-waiver"
      title="Grant waiver"
      intro={`${check.title} (${check.checkId}) will count as accepted risk until the waiver expires or is revoked.`}
      failure={failure}
      action="Grant waiver"
      sending={sending}
      onSubmit={grant}
      onClose={onClose}
    >
      <TextField
        label="Justification"
        required
        multiline
        minRows={3}
        value={form.justification}
        onChange={e => setForm({ ...form, justification: e.target.value })}
        error={!!shown.justification}
        helperText={shown.justification ?? 'Why the risk is accepted and what will fix it.'}
      />
      <ExpiryDateField
        label="Expires after"
        value={form.expiresOn}
        onChange={expiresOn => setForm({ ...form, expiresOn })}
        maxDays={MAX_WAIVER_DAYS}
        now={now}
        error={shown.expiresOn}
        help={`The last day it applies; at most ${MAX_WAIVER_DAYS} days ahead.`}
      />
    </DecisionDialog>
  );
}
