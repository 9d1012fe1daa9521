import { InfoCard, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import useAsync from 'react-use/esm/useAsync';
import {
  DATA_CLASSIFICATIONS,
  COMPLIANCE_REQUIREMENTS,
  GroupSummary,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import { squadInsightsApiRef } from '../../api';

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

/**
 * Where the service sits in the squad model (squad, tribe, chapter, guild) and what it
 * declares about its data and compliance.
 *
 * @public
 */
export function SquadProfileCard() {
  const { entity } = useEntity();
  const api = useApi(squadInsightsApiRef);
  const { value, loading, error } = useAsync(
    () => api.getServiceProfile(getCompoundEntityRef(entity)),
    [api, entity],
  );

  if (loading) {
    return (
      <InfoCard title="Squad profile">
        <Progress />
      </InfoCard>
    );
  }
  if (error || !value) {
    return (
      <InfoCard title="Squad profile">
        <ResponseErrorPanel error={error ?? new Error('No profile returned')} />
      </InfoCard>
    );
  }

  const { ownership, profile, problems } = value;
  return (
    <InfoCard title="Squad profile" subheader={profile.businessCapability}>
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
      <Row label="Data classification">
        <Typography variant="body2" title={profile.dataClassification && DATA_CLASSIFICATIONS[profile.dataClassification]}>
          {profile.dataClassification ?? 'not declared'}
        </Typography>
      </Row>
      <Row label="Compliance">
        {profile.complianceRequirements.length === 0 ? (
          <Typography variant="body2">none declared</Typography>
        ) : (
          <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap">
            {profile.complianceRequirements.map(r => (
              <Chip key={r} size="small" label={r} title={COMPLIANCE_REQUIREMENTS[r]} />
            ))}
          </Stack>
        )}
      </Row>
      <Row label="Record keeping">
        <Typography variant="body2">{profile.recordRetentionYears} years</Typography>
      </Row>
      {problems.map(p => (
        <Alert key={`${p.annotation}:${p.message}`} severity="warning" sx={{ mt: 1 }}>
          <code>{p.annotation}</code>: {p.message}
        </Alert>
      ))}
    </InfoCard>
  );
}
