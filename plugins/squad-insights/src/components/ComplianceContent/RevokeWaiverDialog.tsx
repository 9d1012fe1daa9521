import TextField from '@mui/material/TextField';
import { useState } from 'react';
import type { WaiverResponse } from '@squad-insights/backstage-plugin-squad-insights-common';
import { DecisionDialog, useSubmission } from './DecisionDialog';

/**
 * Revokes a decision (a waiver, an attestation) with an optional reason; it stays in the
 * history. `consequence` tells the reviewer what the check counts as afterwards.
 */
export function RevokeDialog(props: {
  id: string;
  title: string;
  consequence: string;
  onRevoke: (reason?: string) => Promise<unknown>;
  onClose: () => void;
  onRevoked: () => void;
}) {
  const [reason, setReason] = useState('');
  const { sending, failure, submit } = useSubmission();
  return (
    <DecisionDialog
      id={props.id}
      title={props.title}
      intro={props.consequence}
      failure={failure}
      action="Revoke"
      destructive
      sending={sending}
      onSubmit={() =>
        submit(
          () => props.onRevoke(reason.trim() || undefined),
          props.onRevoked,
        )
      }
      onClose={props.onClose}
    >
      <TextField
        label="Reason"
        value={reason}
        onChange={e => setReason(e.target.value)}
        multiline
        minRows={2}
      />
    </DecisionDialog>
  );
}

/** Revokes an active waiver, with an optional reason; the waiver stays in the history. */
export function RevokeWaiverDialog(props: {
  waiver: WaiverResponse;
  onRevoke: (reason?: string) => Promise<unknown>;
  onClose: () => void;
  onRevoked: () => void;
}) {
  const { waiver, ...actions } = props;
  return (
    <RevokeDialog
      id="revoke-waiver"
      title="Revoke waiver"
      consequence={`The waiver of ${waiver.checkId} stops applying now; the check counts as failing again.`}
      {...actions}
    />
  );
}
