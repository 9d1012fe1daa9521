import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { WaiverRequestResponse } from '@squad-insights/backstage-plugin-squad-insights-common';
import { shortRef } from '../common';
import { DecisionDialog, useSubmission } from './DecisionDialog';

function decided(r: WaiverRequestResponse) {
  const by = `by ${shortRef(r.decidedBy ?? 'unknown')} on ${r.decidedAt?.slice(
    0,
    10,
  )}`;
  if (r.status === 'granted') return `approved ${by}`;
  return `rejected ${by}${r.decisionReason ? `: ${r.decisionReason}` : ''}`;
}

/**
 * Waiver requests of the service: open ones first (with Approve and Reject for reviewers),
 * then decided ones for the record. A request changes no verdict until it is approved.
 */
export function WaiverRequestList(props: {
  requests: WaiverRequestResponse[];
  onApprove?: (r: WaiverRequestResponse) => void;
  onReject?: (r: WaiverRequestResponse) => void;
}) {
  const { requests, onApprove, onReject } = props;
  if (requests.length === 0) {
    return (
      <Typography variant="body2">
        No waiver has been requested for this service.
      </Typography>
    );
  }
  const open = requests.filter(r => r.status === 'requested');
  const past = requests.filter(r => r.status !== 'requested');
  const item = (r: WaiverRequestResponse) => (
    <Box
      component="li"
      key={r.id}
      sx={{
        py: 1,
        borderBottom: 1,
        borderColor: 'divider',
        display: 'flex',
        gap: 1,
      }}
    >
      <Box sx={{ flex: 1 }}>
        <Box
          sx={{
            display: 'flex',
            gap: 1,
            alignItems: 'center',
            flexWrap: 'wrap',
          }}
        >
          <Typography
            variant="subtitle2"
            component="span"
            sx={{ fontFamily: 'monospace' }}
          >
            {r.checkId}
          </Typography>
          <Chip
            size="small"
            label={
              r.status === 'requested' ? 'awaiting a reviewer' : decided(r)
            }
            color={r.status === 'requested' ? 'warning' : 'default'}
            variant={r.status === 'requested' ? 'filled' : 'outlined'}
          />
        </Box>
        <Typography variant="body2">{r.justification}</Typography>
        <Typography variant="caption" color="text.secondary">
          {`requested by ${shortRef(r.requestedBy)} on ${r.requestedAt.slice(
            0,
            10,
          )}, until ${r.expiresAt.slice(0, 10)}`}
        </Typography>
      </Box>
      {r.status === 'requested' && onApprove && (
        <Button
          size="small"
          onClick={() => onApprove(r)}
          aria-label={`Approve waiver request for ${r.checkId}`}
        >
          Approve
        </Button>
      )}
      {r.status === 'requested' && onReject && (
        <Button
          size="small"
          color="error"
          onClick={() => onReject(r)}
          aria-label={`Reject waiver request for ${r.checkId}`}
        >
          Reject
        </Button>
      )}
    </Box>
  );
  const list = (shown: WaiverRequestResponse[]) => (
    <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0 }}>
      {shown.map(item)}
    </Box>
  );
  return (
    <Box>
      <Typography
        variant="overline"
        component="h3"
      >{`Open (${open.length})`}</Typography>
      {open.length === 0 ? (
        <Typography variant="body2">No open requests.</Typography>
      ) : (
        list(open)
      )}
      {past.length > 0 && (
        <>
          <Typography
            variant="overline"
            component="h3"
            sx={{ mt: 2, display: 'block' }}
          >
            {`Decided (${past.length})`}
          </Typography>
          {list(past)}
        </>
      )}
    </Box>
  );
}

/**
 * Approves or rejects one request. Approving grants the waiver as the reviewer, so what the
 * backend refuses for a grant (separation of duties) is shown here and the dialog stays open.
 */
export function DecideWaiverRequestDialog(props: {
  request: WaiverRequestResponse;
  decision: 'approve' | 'reject';
  onDecide: (reason?: string) => Promise<unknown>;
  onClose: () => void;
  onDecided: () => void;
}) {
  const { request, decision } = props;
  const [reason, setReason] = useState('');
  const { sending, failure, submit } = useSubmission();
  const approve = decision === 'approve';
  return (
    <DecisionDialog
      id={`${decision}-waiver-request`}
      title={approve ? 'Approve waiver request' : 'Reject waiver request'}
      intro={
        approve
          ? `Grants the waiver of ${
              request.checkId
            } as you, until ${request.expiresAt.slice(0, 10)}: "${
              request.justification
            }".`
          : `The request of ${shortRef(request.requestedBy)} to waive ${
              request.checkId
            } is closed; the check keeps failing.`
      }
      failure={failure}
      action={approve ? 'Approve' : 'Reject'}
      destructive={!approve}
      sending={sending}
      onSubmit={() =>
        submit(
          () =>
            props.onDecide(approve ? undefined : reason.trim() || undefined),
          props.onDecided,
        )
      }
      onClose={props.onClose}
    >
      {!approve && (
        <TextField
          label="Reason"
          value={reason}
          onChange={e => setReason(e.target.value)}
          multiline
          minRows={2}
        />
      )}
    </DecisionDialog>
  );
}
