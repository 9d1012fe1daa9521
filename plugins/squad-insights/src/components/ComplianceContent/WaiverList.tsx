import type { WaiverResponse } from '@squad-insights/backstage-plugin-squad-insights-common';
import { shortRef } from '../common';
import { DecisionHistory, DecisionItem } from './DecisionItem';
import { expiryCountdown } from './time';

function waiverState(w: WaiverResponse) {
  if (w.status === 'active') return expiryCountdown(w.expiresAt);
  if (w.status === 'expired') return `expired ${w.expiresAt.slice(0, 10)}`;
  const reason = w.revokeReason ? `: ${w.revokeReason}` : '';
  return `revoked by ${shortRef(
    w.revokedBy ?? 'unknown',
  )} on ${w.revokedAt?.slice(0, 10)}${reason}`;
}

/**
 * Active waivers with how long they still run, then expired and revoked ones for the
 * record. `onRevoke` is passed only to users allowed to manage waivers.
 */
export function WaiverList(props: {
  waivers: WaiverResponse[];
  onRevoke?: (w: WaiverResponse) => void;
}) {
  const { onRevoke } = props;
  return (
    <DecisionHistory
      items={props.waivers}
      applies={w => w.status === 'active'}
      current="Active"
      none="No active waivers."
      empty="No waivers have been granted for this service."
      render={w => (
        <DecisionItem
          key={w.id}
          checkId={w.checkId}
          state={waiverState(w)}
          applies={w.status === 'active'}
          text={w.justification}
          caption={`granted by ${shortRef(w.grantedBy)} on ${w.grantedAt.slice(
            0,
            10,
          )}, until ${w.expiresAt.slice(0, 10)}`}
          what="waiver"
          onRevoke={onRevoke && (() => onRevoke(w))}
        />
      )}
    />
  );
}
