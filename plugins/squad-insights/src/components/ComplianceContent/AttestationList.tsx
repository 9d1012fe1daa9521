import Link from '@mui/material/Link';
import type { AttestationResponse } from '@squad-insights/backstage-plugin-squad-insights-common';
import { shortRef } from '../common';
import { DecisionHistory, DecisionItem } from './DecisionItem';
import { expiryCountdown } from './time';

function attestationState(a: AttestationResponse) {
  if (a.status === 'current') return expiryCountdown(a.expiresAt);
  if (a.status === 'expired') return `expired ${a.expiresAt.slice(0, 10)}`;
  const reason = a.revokeReason ? `: ${a.revokeReason}` : '';
  return `revoked by ${shortRef(
    a.revokedBy ?? 'unknown',
  )} on ${a.revokedAt?.slice(0, 10)}${reason}`;
}

/**
 * Current attestations with how long they still hold, then expired and revoked ones for the
 * record, each with its statement and evidence link. `onRevoke` is passed only to users
 * allowed to revoke attestations.
 */
export function AttestationList(props: {
  attestations: AttestationResponse[];
  onRevoke?: (a: AttestationResponse) => void;
}) {
  const { onRevoke } = props;
  return (
    <DecisionHistory
      items={props.attestations}
      applies={a => a.status === 'current'}
      current="Current"
      none="No current attestations."
      empty="No control of this service has been attested."
      render={a => (
        <DecisionItem
          key={a.id}
          checkId={a.checkId}
          state={attestationState(a)}
          applies={a.status === 'current'}
          text={
            <>
              {a.statement}
              {/^https?:\/\//i.test(a.evidenceUrl) && (
                <>
                  {' — '}
                  <Link
                    href={a.evidenceUrl}
                    target="_blank"
                    rel="noopener noreferrer"
                  >
                    Evidence
                  </Link>
                </>
              )}
            </>
          }
          caption={`attested by ${shortRef(
            a.attestedBy,
          )} on ${a.attestedAt.slice(0, 10)}, until ${a.expiresAt.slice(
            0,
            10,
          )}`}
          what="attestation"
          onRevoke={onRevoke && (() => onRevoke(a))}
        />
      )}
    />
  );
}
