import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { CheckResult } from '@squad-insights/backstage-plugin-squad-insights-common';
import { errorMessage } from './errorMessage';
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
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string>();
  const errors = validateWaiver(form, now);
  const shown = touched ? errors : {};

  async function submit() {
    setTouched(true);
    if (Object.keys(errors).length > 0) return;
    setSending(true);
    setFailure(undefined);
    try {
      await onGrant({
        checkId: check.checkId,
        justification: form.justification.trim(),
        expiresAt: expiryInstant(form.expiresOn),
      });
      onGranted();
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setSending(false);
    }
  }

  return (
    <Dialog open onClose={onClose} aria-labelledby="grant-waiver-title" fullWidth maxWidth="sm">
      <DialogTitle id="grant-waiver-title">Grant waiver</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Typography variant="body2">
            {`${check.title} (${check.checkId}) will count as accepted risk until the waiver expires or is revoked.`}
          </Typography>
          {failure && <Alert severity="error">{failure}</Alert>}
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
          <TextField
            label="Expires after"
            type="date"
            required
            value={form.expiresOn}
            onChange={e => setForm({ ...form, expiresOn: e.target.value })}
            InputLabelProps={{ shrink: true }}
            inputProps={{ min: localDay(new Date(now.getTime() + 24 * 3600_000)) }}
            error={!!shown.expiresOn}
            helperText={shown.expiresOn ?? `The last day it applies; at most ${MAX_WAIVER_DAYS} days ahead.`}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" onClick={submit} disabled={sending}>
          Grant waiver
        </Button>
      </DialogActions>
    </Dialog>
  );
}
