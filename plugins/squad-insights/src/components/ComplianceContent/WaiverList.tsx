import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import type { WaiverResponse } from '@squad-insights/backstage-plugin-squad-insights-common';
import { shortRef } from '../common';
import { expiryCountdown } from './time';

function waiverState(w: WaiverResponse) {
  if (w.status === 'active') return expiryCountdown(w.expiresAt);
  if (w.status === 'expired') return `expired ${w.expiresAt.slice(0, 10)}`;
  const reason = w.revokeReason ? `: ${w.revokeReason}` : '';
  return `revoked by ${shortRef(w.revokedBy ?? 'unknown')} on ${w.revokedAt?.slice(0, 10)}${reason}`;
}

function WaiverItem(props: { waiver: WaiverResponse; onRevoke?: (w: WaiverResponse) => void }) {
  const { waiver: w, onRevoke } = props;
  const state = waiverState(w);
  return (
    <Box component="li" sx={{ py: 1, borderBottom: 1, borderColor: 'divider', display: 'flex', gap: 1, alignItems: 'flex-start' }}>
      <Box sx={{ flex: 1 }}>
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography variant="subtitle2" component="span" sx={{ fontFamily: 'monospace' }}>
            {w.checkId}
          </Typography>
          <Chip
            size="small"
            label={state}
            color={w.status === 'active' ? 'info' : 'default'}
            variant={w.status === 'active' ? 'filled' : 'outlined'}
          />
        </Box>
        <Typography variant="body2">{w.justification}</Typography>
        <Typography variant="caption" color="text.secondary">
          {`granted by ${shortRef(w.grantedBy)} on ${w.grantedAt.slice(0, 10)}, until ${w.expiresAt.slice(0, 10)}`}
        </Typography>
      </Box>
      {onRevoke && w.status === 'active' && (
        <Button size="small" onClick={() => onRevoke(w)} aria-label={`Revoke waiver of ${w.checkId}`}>
          Revoke
        </Button>
      )}
    </Box>
  );
}

/**
 * Active waivers with how long they still run, then expired and revoked ones for the
 * record. `onRevoke` is passed only to users allowed to manage waivers.
 */
export function WaiverList(props: { waivers: WaiverResponse[]; onRevoke?: (w: WaiverResponse) => void }) {
  const active = props.waivers
    .filter(w => w.status === 'active')
    .sort((a, b) => a.expiresAt.localeCompare(b.expiresAt));
  const past = props.waivers.filter(w => w.status !== 'active');
  if (props.waivers.length === 0) {
    return <Typography variant="body2">No waivers have been granted for this service.</Typography>;
  }
  return (
    <Box>
      <Typography variant="overline" component="h3">{`Active (${active.length})`}</Typography>
      {active.length === 0 ? (
        <Typography variant="body2">No active waivers.</Typography>
      ) : (
        <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0 }}>
          {active.map(w => (
            <WaiverItem key={w.id} waiver={w} onRevoke={props.onRevoke} />
          ))}
        </Box>
      )}
      {past.length > 0 && (
        <>
          <Typography variant="overline" component="h3" sx={{ mt: 2, display: 'block' }}>
            {`Expired and revoked (${past.length})`}
          </Typography>
          <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0 }}>
            {past.map(w => (
              <WaiverItem key={w.id} waiver={w} />
            ))}
          </Box>
        </>
      )}
    </Box>
  );
}
