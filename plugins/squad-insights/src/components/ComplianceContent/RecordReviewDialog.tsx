import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { ReviewResponse } from '@squad-insights/backstage-plugin-squad-insights-common';
import { errorMessage } from './errorMessage';

type Decision = ReviewResponse['decision'];

/**
 * Records a review of the results as they are now (the backend freezes them with the
 * review). Asking for changes needs a comment saying which; approving does not.
 */
export function RecordReviewDialog(props: {
  onRecord: (review: {
    decision: Decision;
    comment?: string;
  }) => Promise<unknown>;
  onClose: () => void;
  onRecorded: () => void;
}) {
  const { onRecord, onClose, onRecorded } = props;
  const [decision, setDecision] = useState<Decision>('approved');
  const [comment, setComment] = useState('');
  const [touched, setTouched] = useState(false);
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string>();
  const commentError =
    decision === 'changes_requested' && !comment.trim()
      ? 'Say which changes are needed.'
      : undefined;

  async function submit() {
    setTouched(true);
    if (commentError) return;
    setSending(true);
    setFailure(undefined);
    try {
      await onRecord({ decision, comment: comment.trim() || undefined });
      onRecorded();
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setSending(false);
    }
  }

  return (
    <Dialog
      open
      onClose={onClose}
      aria-labelledby="record-review-title"
      fullWidth
      maxWidth="sm"
    >
      <DialogTitle id="record-review-title">Record review</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Typography variant="body2">
            The review keeps a snapshot of the current results, scores and
            failing checks.
          </Typography>
          {failure && <Alert severity="error">{failure}</Alert>}
          <FormControl>
            <FormLabel id="review-decision">Decision</FormLabel>
            <RadioGroup
              aria-labelledby="review-decision"
              value={decision}
              onChange={e => setDecision(e.target.value as Decision)}
            >
              <FormControlLabel
                value="approved"
                control={<Radio />}
                label="Approved"
              />
              <FormControlLabel
                value="changes_requested"
                control={<Radio />}
                label="Changes requested"
              />
            </RadioGroup>
          </FormControl>
          <TextField
            label="Comment"
            multiline
            minRows={3}
            value={comment}
            required={decision === 'changes_requested'}
            onChange={e => setComment(e.target.value)}
            error={touched && !!commentError}
            helperText={
              touched && commentError ? commentError : 'Kept with the review.'
            }
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" onClick={submit} disabled={sending}>
          Record review
        </Button>
      </DialogActions>
    </Dialog>
  );
}
