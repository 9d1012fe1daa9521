import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { GateDecisionResponse } from '@squad-insights/backstage-plugin-squad-insights-common';
import { shortRef } from '../common';
import { when } from '../SustainabilityContent/format';
import { DecisionDialog, useSubmission } from './DecisionDialog';

/** A pipeline's subject (`external:payments-pipeline`) or a person, as people read it. */
const caller = (ref: string) =>
  ref.startsWith('user:') ? shortRef(ref) : ref.replace(/^external:/, '');

/**
 * The latest deployment gate decisions, newest first: who asked, when, for which commit and
 * environment, allowed or denied and why, and the break-glass overrides granted for each.
 * A reviewer may override a denied one (`onOverride`); the backend decides whether they may.
 */
export function GateDecisionList(props: {
  decisions: GateDecisionResponse[];
  onOverride?: (decision: GateDecisionResponse) => void;
}) {
  if (props.decisions.length === 0) {
    return (
      <Typography variant="body2">
        No pipeline has asked the deployment gate for this service yet.
      </Typography>
    );
  }
  return (
    <Box component="ol" sx={{ listStyle: 'none', m: 0, p: 0 }}>
      {props.decisions.map(d => (
        <Box
          component="li"
          key={d.id}
          aria-label={`Gate decision ${d.id}`}
          sx={{ py: 1, borderBottom: 1, borderColor: 'divider' }}
        >
          <Box
            sx={{
              display: 'flex',
              gap: 1,
              alignItems: 'center',
              flexWrap: 'wrap',
            }}
          >
            <Chip
              size="small"
              label={d.allowed ? 'Allowed' : 'Denied'}
              color={d.allowed ? 'success' : 'error'}
            />
            <Typography variant="body2">
              {`${d.environment}, commit ${d.commit.slice(
                0,
                12,
              )}, asked by ${caller(d.caller)}, ${when(d.createdAt)}`}
            </Typography>
            {d.overrideId && (
              <Chip size="small" variant="outlined" label="Break-glass" />
            )}
            {!d.allowed && props.onOverride && (
              <Button
                size="small"
                color="warning"
                sx={{ ml: 'auto' }}
                onClick={() => props.onOverride!(d)}
              >
                Break-glass override
              </Button>
            )}
          </Box>
          <Box component="ul" sx={{ m: 0, pl: 3 }}>
            {d.reasons.map((r, i) => (
              <Typography
                component="li"
                variant="body2"
                key={i}
                color={r.blocking ? 'error' : 'text.secondary'}
              >
                {r.message}
              </Typography>
            ))}
          </Box>
          {d.overrides.map(o => (
            <Typography variant="body2" key={o.id} sx={{ pl: 3 }}>
              {`Override by ${shortRef(o.grantedBy)}, ${when(o.grantedAt)}: ${
                o.reason
              } (${
                o.status === 'used'
                  ? `used ${when(o.consumedAt)}`
                  : `${o.status}, until ${when(o.expiresAt)}`
              })`}
            </Typography>
          ))}
        </Box>
      ))}
    </Box>
  );
}

/**
 * Break-glass: lets the next gate call for this decision's environment and commit through,
 * once, within the hours the policy allows. A reason is required; it is audited.
 */
export function GateOverrideDialog(props: {
  decision: GateDecisionResponse;
  onOverride: (override: {
    reason: string;
    expiresInHours: number;
  }) => Promise<unknown>;
  onClose: () => void;
  onOverridden: () => void;
}) {
  const [reason, setReason] = useState('');
  const [hours, setHours] = useState('4');
  const [touched, setTouched] = useState(false);
  const { sending, failure, submit } = useSubmission();
  const reasonError =
    touched && !reason.trim() ? 'Say why the deploy may go ahead' : undefined;
  const hoursNumber = Number(hours);
  const hoursError =
    touched && !(hoursNumber > 0) ? 'A number of hours above 0' : undefined;
  const { decision } = props;
  return (
    <DecisionDialog
      id="gate-override"
      title="Break-glass override"
      intro={`The next gate call for ${decision.environment} at commit ${decision.commit} is allowed once, despite the reasons above. It is audited and shown in this history.`}
      failure={failure}
      action="Override"
      destructive
      sending={sending}
      onSubmit={() => {
        setTouched(true);
        if (!reason.trim() || !(hoursNumber > 0)) return;
        submit(
          () =>
            props.onOverride({
              reason: reason.trim(),
              expiresInHours: hoursNumber,
            }),
          props.onOverridden,
        );
      }}
      onClose={props.onClose}
    >
      <TextField
        label="Reason"
        required
        value={reason}
        onChange={e => setReason(e.target.value)}
        multiline
        minRows={2}
        error={Boolean(reasonError)}
        helperText={reasonError}
      />
      <TextField
        label="Usable for (hours)"
        type="number"
        value={hours}
        onChange={e => setHours(e.target.value)}
        error={Boolean(hoursError)}
        helperText={
          hoursError ?? 'The policy caps this (gate.overrideMaxHours)'
        }
      />
    </DecisionDialog>
  );
}
