import TextField from '@mui/material/TextField';
import { useState } from 'react';
import type { CheckResult } from '@squad-insights/backstage-plugin-squad-insights-common';
import {
  DecisionDialog,
  ExpiryDateField,
  useSubmission,
} from './DecisionDialog';
import { localDay } from './time';
import {
  expiryInstant,
  MAX_WAIVER_DAYS,
  validateWaiver,
} from './waiverValidation';

const DEFAULT_DAYS = 90;

/**
 * Grants a waiver for one failing check. The form is checked before sending; what the
 * backend refuses (separation of duties, a missing permission) is shown in the dialog, which
 * stays open so the reviewer can read it.
 */
export function GrantWaiverDialog(props: {
  check: CheckResult;
  /** The longest the waiver may run, by the policy and the check's severity. */
  maxDays?: number;
  onGrant: (waiver: {
    checkId: string;
    justification: string;
    expiresAt: string;
  }) => Promise<unknown>;
  onClose: () => void;
  onGranted: () => void;
  /** `request`: the same form asks a reviewer for the waiver instead of granting it. */
  mode?: 'grant' | 'request';
}) {
  const { check, onGrant, onClose, onGranted } = props;
  const requesting = props.mode === 'request';
  const now = new Date();
  const [form, setForm] = useState({
    justification: '',
    // The default never lies beyond the limit (a policy may allow less than 90 days).
    expiresOn: localDay(
      new Date(
        now.getTime() +
          Math.min(DEFAULT_DAYS, props.maxDays ?? DEFAULT_DAYS) * 24 * 3600_000,
      ),
    ),
  });
  const [touched, setTouched] = useState(false);
  const { sending, failure, submit } = useSubmission();
  const maxDays = props.maxDays ?? MAX_WAIVER_DAYS;
  const errors = validateWaiver(form, now, maxDays);
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
      id={requesting ? 'request-waiver' : 'grant-waiver'}
      title={requesting ? 'Request waiver' : 'Grant waiver'}
      intro={
        requesting
          ? `A reviewer decides whether ${check.title} (${check.checkId}) may count as accepted risk; until they approve, it keeps failing.`
          : `${check.title} (${check.checkId}) will count as accepted risk until the waiver expires or is revoked.`
      }
      failure={failure}
      action={requesting ? 'Request waiver' : 'Grant waiver'}
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
        helperText={
          shown.justification ??
          'Why the risk is accepted and what will fix it.'
        }
      />
      <ExpiryDateField
        label="Expires after"
        value={form.expiresOn}
        onChange={expiresOn => setForm({ ...form, expiresOn })}
        maxDays={maxDays}
        now={now}
        error={shown.expiresOn}
        help={`The last day it applies; at most ${maxDays} days ahead${
          check.severity === 'critical' ? ' for a critical check' : ''
        }.`}
      />
    </DecisionDialog>
  );
}
