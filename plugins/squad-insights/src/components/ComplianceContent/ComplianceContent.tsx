import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import Skeleton from '@mui/material/Skeleton';
import { useMemo, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  AttestationResponse,
  CheckResult,
  EntityComplianceResponse,
  GateDecisionResponse,
  ReviewResponse,
  squadInsightsAttestationCreatePermission,
  squadInsightsAttestationRevokePermission,
  squadInsightsComplianceReviewCreatePermission,
  squadInsightsComplianceWaiverManagePermission,
  squadInsightsComplianceWaiverRequestPermission,
  waiverMaxDays,
  WaiverRequestResponse,
  WaiverResponse,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import { squadInsightsApiRef } from '../../api';
import { AsyncView } from '../common';
import { formatScore } from '../ServiceSummaryCard/complianceStatus';
import {
  factSources,
  FootprintDetails,
} from '../SustainabilityContent/footprintResponse';
import { StaleSourcesBanner } from '../SustainabilityContent/StaleSourcesBanner';
import { AttestationList } from './AttestationList';
import { BindingRefusals, otherProblems } from './BindingRefusals';
import { AttestDialog } from './AttestDialog';
import { ControlGroups } from './ControlGroups';
import type { FreshnessBySource } from './EvidenceList';
import { FrameworkScores } from './FrameworkScores';
import { GateDecisionList, GateOverrideDialog } from './GateDecisions';
import { GrantWaiverDialog } from './GrantWaiverDialog';
import { RecordReviewDialog } from './RecordReviewDialog';
import { ReviewHistory } from './ReviewHistory';
import { ReviewSnapshotDialog } from './ReviewSnapshotDialog';
import { RevokeDialog, RevokeWaiverDialog } from './RevokeWaiverDialog';
import { WaiverList } from './WaiverList';
import {
  DecideWaiverRequestDialog,
  WaiverRequestList,
} from './WaiverRequestList';

const lines = (n: number, height = 32) => (
  <div aria-busy="true">
    {Array.from({ length: n }, (_, i) => (
      <Skeleton key={i} variant="text" height={height} />
    ))}
  </div>
);

/**
 * The compliance tab: frameworks and scores, every control with its failing and unknown
 * checks (evidence with its source's freshness, remediation) and its attested checks (who
 * attested what, until when, or awaiting attestation), waivers and attestations with their
 * expiry, and the review history with each review's snapshot. Recording reviews, granting or
 * revoking waivers and attesting controls are offered only to users with the permission; the
 * backend enforces it (and separation of duties) regardless.
 *
 * @public
 */
export function ComplianceContent() {
  const { entity } = useEntity();
  const api = useApi(squadInsightsApiRef);
  const ref = getCompoundEntityRef(entity);
  const compliance = useAsyncRetry(() => api.getCompliance(ref), [api, entity]);
  const waivers = useAsyncRetry(() => api.listWaivers(ref), [api, entity]);
  const reviews = useAsyncRetry(() => api.listReviews(ref), [api, entity]);
  const attestations = useAsyncRetry(
    () => api.listAttestations(ref),
    [api, entity],
  );
  // Only for the freshness of the sources the evidence names; the tab works without it.
  const facts = useAsyncRetry(
    async () => (await api.getFootprint(ref)) as FootprintDetails,
    [api, entity],
  );
  const requests = useAsyncRetry(
    () => api.listWaiverRequests(ref),
    [api, entity],
  );
  const gateDecisions = useAsyncRetry(
    () => api.listGateDecisions(ref, 10),
    [api, entity],
  );
  // The service is the permission's resource, so a policy's conditions (owner, tribe,
  // framework) decide for this service, as the backend will when the button is used.
  const resourceRef = stringifyEntityRef(entity);
  const canReview = usePermission({
    permission: squadInsightsComplianceReviewCreatePermission,
    resourceRef,
  }).allowed;
  const canWaive = usePermission({
    permission: squadInsightsComplianceWaiverManagePermission,
    resourceRef,
  }).allowed;
  const canRequest = usePermission({
    permission: squadInsightsComplianceWaiverRequestPermission,
    resourceRef,
  }).allowed;
  const canAttest = usePermission({
    permission: squadInsightsAttestationCreatePermission,
    resourceRef,
  }).allowed;
  const canRevokeAttestation = usePermission({
    permission: squadInsightsAttestationRevokePermission,
    resourceRef,
  }).allowed;
  // Who may grant grants; who may only ask (a squad engineer) gets the same form as a request.
  let waiveMode: 'grant' | 'request' | undefined;
  if (canWaive) waiveMode = 'grant';
  else if (canRequest) waiveMode = 'request';

  const [waiving, setWaiving] = useState<CheckResult>();
  const [deciding, setDeciding] = useState<{
    request: WaiverRequestResponse;
    decision: 'approve' | 'reject';
  }>();
  const [revoking, setRevoking] = useState<WaiverResponse>();
  const [reviewing, setReviewing] = useState(false);
  const [snapshot, setSnapshot] = useState<ReviewResponse>();
  const [attesting, setAttesting] = useState<CheckResult>();
  const [unattesting, setUnattesting] = useState<AttestationResponse>();
  const [overriding, setOverriding] = useState<GateDecisionResponse>();
  // The policy's bound for the check being attested; without it the form cannot be bounded.
  const attestingPolicy = attestations.value?.checks.find(
    c => c.checkId === attesting?.checkId,
  );
  const attestable = new Set(attestations.value?.checks.map(c => c.checkId));

  const sources = useMemo(
    () => (facts.value ? factSources(facts.value) : []),
    [facts.value],
  );
  const freshness: FreshnessBySource = useMemo(
    () => new Map(sources.map(s => [s.reference, s.freshness])),
    [sources],
  );
  const decisionsChanged = () => {
    compliance.retry();
    waivers.retry();
    attestations.retry();
    requests.retry();
  };

  return (
    <Grid container spacing={2}>
      <Grid item xs={12}>
        <AsyncView state={compliance} what="Compliance" placeholder={lines(8)}>
          {value => (
            <Results
              value={value}
              sources={sources}
              freshness={freshness}
              onReview={canReview ? () => setReviewing(true) : undefined}
              onWaive={waiveMode ? setWaiving : undefined}
              waiveAction={
                waiveMode === 'request' ? 'Request waiver' : 'Grant waiver'
              }
              onAttest={
                canAttest
                  ? c =>
                      attestable.has(c.checkId) ? setAttesting(c) : undefined
                  : undefined
              }
            />
          )}
        </AsyncView>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title="Waivers">
          <AsyncView state={waivers} what="Waivers" placeholder={lines(3)}>
            {value => (
              <WaiverList
                waivers={value}
                onRevoke={canWaive ? setRevoking : undefined}
              />
            )}
          </AsyncView>
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title="Waiver requests">
          <AsyncView
            state={requests}
            what="Waiver requests"
            placeholder={lines(2)}
          >
            {value => (
              <WaiverRequestList
                requests={value}
                onApprove={
                  canWaive
                    ? request => setDeciding({ request, decision: 'approve' })
                    : undefined
                }
                onReject={
                  canWaive
                    ? request => setDeciding({ request, decision: 'reject' })
                    : undefined
                }
              />
            )}
          </AsyncView>
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title="Attestations">
          <AsyncView
            state={attestations}
            what="Attestations"
            placeholder={lines(3)}
          >
            {value => (
              <AttestationList
                attestations={value.items}
                onRevoke={canRevokeAttestation ? setUnattesting : undefined}
              />
            )}
          </AsyncView>
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title="Review history">
          <AsyncView state={reviews} what="Reviews" placeholder={lines(3)}>
            {value => <ReviewHistory reviews={value} onOpen={setSnapshot} />}
          </AsyncView>
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard
          title="Deployment gate"
          subheader="What pipelines were told when they asked to deploy"
        >
          <AsyncView
            state={gateDecisions}
            what="Gate decisions"
            placeholder={lines(3)}
          >
            {value => (
              <GateDecisionList
                decisions={value}
                onOverride={canWaive ? setOverriding : undefined}
              />
            )}
          </AsyncView>
        </InfoCard>
      </Grid>
      {overriding && (
        <GateOverrideDialog
          decision={overriding}
          onOverride={override =>
            api.overrideGateDecision(ref, overriding.id, override)
          }
          onClose={() => setOverriding(undefined)}
          onOverridden={() => {
            setOverriding(undefined);
            gateDecisions.retry();
          }}
        />
      )}
      {waiving && (
        <GrantWaiverDialog
          check={waiving}
          maxDays={waiverMaxDays(
            compliance.value?.parameters ?? {},
            waiving.severity,
          )}
          mode={waiveMode}
          onGrant={waiver =>
            waiveMode === 'request'
              ? api.requestWaiver(ref, waiver)
              : api.grantWaiver(ref, waiver)
          }
          onClose={() => setWaiving(undefined)}
          onGranted={() => {
            setWaiving(undefined);
            decisionsChanged();
          }}
        />
      )}
      {deciding && (
        <DecideWaiverRequestDialog
          request={deciding.request}
          decision={deciding.decision}
          onDecide={reason =>
            deciding.decision === 'approve'
              ? api.approveWaiverRequest(ref, deciding.request.id)
              : api.rejectWaiverRequest(ref, deciding.request.id, reason)
          }
          onClose={() => setDeciding(undefined)}
          onDecided={() => {
            setDeciding(undefined);
            decisionsChanged();
          }}
        />
      )}
      {revoking && (
        <RevokeWaiverDialog
          waiver={revoking}
          onRevoke={reason => api.revokeWaiver(ref, revoking.id, reason)}
          onClose={() => setRevoking(undefined)}
          onRevoked={() => {
            setRevoking(undefined);
            decisionsChanged();
          }}
        />
      )}
      {attesting && attestingPolicy && (
        <AttestDialog
          check={attesting}
          policy={attestingPolicy}
          onAttest={attestation => api.attest(ref, attestation)}
          onClose={() => setAttesting(undefined)}
          onAttested={() => {
            setAttesting(undefined);
            decisionsChanged();
          }}
        />
      )}
      {unattesting && (
        <RevokeDialog
          id="revoke-attestation"
          title="Revoke attestation"
          consequence={`The attestation of ${unattesting.checkId} stops counting now; the check awaits a new attestation.`}
          onRevoke={reason =>
            api.revokeAttestation(ref, unattesting.id, reason)
          }
          onClose={() => setUnattesting(undefined)}
          onRevoked={() => {
            setUnattesting(undefined);
            decisionsChanged();
          }}
        />
      )}
      {reviewing && (
        <RecordReviewDialog
          onRecord={review => api.createReview(ref, review)}
          onClose={() => setReviewing(false)}
          onRecorded={() => {
            setReviewing(false);
            reviews.retry();
          }}
        />
      )}
      {snapshot && (
        <ReviewSnapshotDialog
          review={snapshot}
          onClose={() => setSnapshot(undefined)}
        />
      )}
    </Grid>
  );
}

function Results(props: {
  value: EntityComplianceResponse;
  sources: ReturnType<typeof factSources>;
  freshness: FreshnessBySource;
  onReview?: () => void;
  onWaive?: (check: CheckResult) => void;
  waiveAction?: 'Grant waiver' | 'Request waiver';
  onAttest?: (check: CheckResult) => void;
}) {
  const {
    value,
    sources,
    freshness,
    onReview,
    onWaive,
    onAttest,
    waiveAction,
  } = props;
  const { score } = value;
  return (
    <Grid container spacing={2}>
      <Grid item xs={12}>
        <StaleSourcesBanner
          stale={value.stale}
          sources={sources}
          consequence="Judged on stale facts; checks that depend on them are reported as unknown."
        />
      </Grid>
      <BindingRefusals bindings={value.bindings} />
      {otherProblems(value.problems, value.bindings).map(p => (
        <Grid item xs={12} key={p}>
          <Alert severity="info">{p}</Alert>
        </Grid>
      ))}
      <Grid item xs={12}>
        <InfoCard
          title={`Compliance score ${formatScore(score.score)}`}
          subheader={`${score.passed} passed, ${score.failed} failed, ${score.waived} waived, ${score.unknown} unknown — policy ${value.policy.name}`}
          action={
            onReview && (
              <Button
                variant="contained"
                onClick={onReview}
                sx={{ mt: 1, mr: 1 }}
              >
                Record review
              </Button>
            )
          }
        >
          <FrameworkScores frameworks={value.frameworks} />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard title="Checks by control">
          <ControlGroups
            checks={value.checks}
            freshness={freshness}
            onWaive={onWaive}
            waiveAction={waiveAction}
            onAttest={onAttest}
          />
        </InfoCard>
      </Grid>
    </Grid>
  );
}
