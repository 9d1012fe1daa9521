import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { ReactNode, useState } from 'react';
import { errorMessage } from './errorMessage';
import { localDay } from './time';

const DAY_MS = 24 * 3600_000;

/**
 * Sends a decision once at a time and keeps the backend's refusal (separation of duties, a
 * missing permission, a field it rejects) to show in the dialog, which stays open so the
 * reviewer can read it and correct the form.
 */
export function useSubmission() {
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string>();
  async function submit(send: () => Promise<unknown>, onDone: () => void) {
    setSending(true);
    setFailure(undefined);
    try {
      await send();
      onDone();
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setSending(false);
    }
  }
  return { sending, failure, submit };
}

/**
 * The frame every compliance decision shares (grant or revoke a waiver, attest a control):
 * a title, what the decision does, the backend's refusal if any, the fields, and Cancel next
 * to the action.
 */
export function DecisionDialog(props: {
  id: string;
  title: string;
  intro: string;
  failure?: string;
  action: string;
  destructive?: boolean;
  sending: boolean;
  onSubmit: () => void;
  onClose: () => void;
  children: ReactNode;
}) {
  const titleId = `${props.id}-title`;
  return (
    <Dialog
      open
      onClose={props.onClose}
      aria-labelledby={titleId}
      fullWidth
      maxWidth="sm"
    >
      <DialogTitle id={titleId}>{props.title}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Typography variant="body2">{props.intro}</Typography>
          {props.failure && <Alert severity="error">{props.failure}</Alert>}
          {props.children}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Cancel</Button>
        <Button
          variant="contained"
          color={props.destructive ? 'error' : 'primary'}
          onClick={props.onSubmit}
          disabled={props.sending}
        >
          {props.action}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** The last day a decision applies, from tomorrow to `maxDays` ahead, as a local date. */
export function ExpiryDateField(props: {
  label: string;
  value: string;
  onChange: (day: string) => void;
  maxDays: number;
  error?: string;
  help: string;
  now: Date;
}) {
  const { now } = props;
  return (
    <TextField
      label={props.label}
      type="date"
      required
      value={props.value}
      onChange={e => props.onChange(e.target.value)}
      InputLabelProps={{ shrink: true }}
      inputProps={{
        min: localDay(new Date(now.getTime() + DAY_MS)),
        max: localDay(new Date(now.getTime() + props.maxDays * DAY_MS)),
      }}
      error={!!props.error}
      helperText={props.error ?? props.help}
    />
  );
}
