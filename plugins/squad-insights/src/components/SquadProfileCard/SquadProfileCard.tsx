import { InfoCard } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import {
  DATA_CLASSIFICATIONS,
  GroupSummary,
  ServiceProfileResponse,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import { AsyncView, isNotFound, useSharedEntityRequest } from '../common';
import { ContactList } from './ContactList';
import { DriftWarnings } from './DriftWarnings';

function Row(props: { label: string; children: ReactNode }) {
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: '11rem 1fr', py: 0.75 }}>
      <Typography variant="body2" color="text.secondary">
        {props.label}
      </Typography>
      <Box>{props.children}</Box>
    </Box>
  );
}

function GroupLink({ group }: { group?: GroupSummary }) {
  if (!group) {
    return <Typography variant="body2">—</Typography>;
  }
  return <EntityRefLink entityRef={group.entityRef} title={group.title} />;
}

function Placeholder() {
  return (
    <Box aria-busy="true" aria-label="Loading ownership">
      {[0, 1, 2, 3, 4, 5].map(i => (
        <Skeleton key={i} variant="text" height={32} />
      ))}
    </Box>
  );
}

/**
 * Who owns the service in the squad model (squad, tribe, chapter, guild), whom to contact,
 * what it declares about its data and compliance, and where Terraform tags or Consul meta
 * name another owner than the catalog (from the compliance checks of the ownership control).
 *
 * @public
 */
export function SquadProfileCard() {
  // Shared with the summary card beside it: one request each per page.
  const profile = useSharedEntityRequest('profile');
  // Drift is an extra: without compliance results the card still shows ownership.
  const compliance = useSharedEntityRequest('compliance');

  return (
    <InfoCard
      title="Ownership"
      subheader={profile.value?.profile.businessCapability}
    >
      <AsyncView state={profile} what="Ownership" placeholder={<Placeholder />}>
        {value => <Profile value={value} />}
      </AsyncView>
      {compliance.value && <DriftWarnings checks={compliance.value.checks} />}
      {compliance.error && !isNotFound(compliance.error) && (
        <Alert severity="info" sx={{ mt: 1 }}>
          {`Ownership drift could not be checked: ${compliance.error.message}`}
        </Alert>
      )}
    </InfoCard>
  );
}

function Profile({ value }: { value: ServiceProfileResponse }) {
  const { ownership, profile, problems, contacts } = value;
  return (
    <>
      <Row label="Squad">
        <GroupLink group={ownership.squad ?? ownership.team} />
      </Row>
      <Row label="Tribe">
        <GroupLink group={ownership.tribe} />
      </Row>
      <Row label="Chapter">
        <GroupLink group={ownership.chapter} />
      </Row>
      <Row label="Guild">
        <GroupLink group={ownership.guild} />
      </Row>
      {contacts && (
        <>
          <Row label="Technical contact">
            <ContactList contacts={contacts.technical} />
          </Row>
          <Row label="Business contact">
            <ContactList contacts={contacts.business} />
          </Row>
          <Row label="On-call">
            <ContactList contacts={contacts.onCall} />
          </Row>
        </>
      )}
      <Row label="Data classification">
        <Typography
          variant="body2"
          title={
            profile.dataClassification &&
            DATA_CLASSIFICATIONS[profile.dataClassification]
          }
        >
          {profile.dataClassification ?? 'not declared'}
        </Typography>
      </Row>
      <Row label="Compliance">
        {profile.complianceRequirements.length === 0 ? (
          <Typography variant="body2">none declared</Typography>
        ) : (
          <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap">
            {profile.complianceRequirements.map(r => (
              <Chip key={r} size="small" label={r} />
            ))}
          </Stack>
        )}
      </Row>
      <Row label="Record keeping">
        <Typography variant="body2">
          {profile.recordRetentionYears} years
        </Typography>
      </Row>
      {problems.map(p => (
        <Alert
          key={`${p.annotation}:${p.message}`}
          severity="warning"
          sx={{ mt: 1 }}
        >
          <code>{p.annotation}</code>: {p.message}
        </Alert>
      ))}
    </>
  );
}
