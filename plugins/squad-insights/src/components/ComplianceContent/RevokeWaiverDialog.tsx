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
import type { WaiverResponse } from '@squad-insights/backstage-plugin-squad-insights-common';
import { errorMessage } from './errorMessage';

/** Revokes an active waiver, with an optional reason; the waiver stays in the history. */
export function RevokeWaiverDialog(props: {
  waiver: WaiverResponse;
  onRevoke: (reason?: string) => Promise<unknown>;
  onClose: () => void;
  onRevoked: () => void;
}) {
  const { waiver, onRevoke, onClose, onRevoked } = props;
  const [reason, setReason] = useState('');
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string>();

  async function submit() {
    setSending(true);
    setFailure(undefined);
    try {
      await onRevoke(reason.trim() || undefined);
      onRevoked();
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setSending(false);
    }
  }

  return (
    <Dialog open onClose={onClose} aria-labelledby="revoke-waiver-title" fullWidth maxWidth="sm">
      <DialogTitle id="revoke-waiver-title">Revoke waiver</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Typography variant="body2">
            {`The waiver of ${waiver.checkId} stops applying now; the check counts as failing again.`}
          </Typography>
          {failure && <Alert severity="error">{failure}</Alert>}
          <TextField label="Reason" value={reason} onChange={e => setReason(e.target.value)} multiline minRows={2} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" color="error" onClick={submit} disabled={sending}>
          Revoke
        </Button>
      </DialogActions>
    </Dialog>
  );
}
