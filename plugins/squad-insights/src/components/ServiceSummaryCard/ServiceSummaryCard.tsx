import { InfoCard } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@mui/material/Box';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import type { ServiceOwnership } from '@squad-insights/backstage-plugin-squad-insights-common';
import { AsyncView, StatusChip, useSharedEntityRequest } from '../common';
import { complianceStatus, formatScore } from './complianceStatus';

const kg = (n: number) =>
  n.toLocaleString('sv-SE', { maximumFractionDigits: 1 });

function Part(props: { label: string; children: ReactNode }) {
  return (
    <Box sx={{ minWidth: '10rem', flex: 1 }}>
      <Typography variant="overline" color="text.secondary" component="div">
        {props.label}
      </Typography>
      {props.children}
    </Box>
  );
}

function OwnerLine({ ownership }: { ownership: ServiceOwnership }) {
  const owner = ownership.squad ?? ownership.team;
  return (
    <Typography variant="body2" component="div">
      {owner ? (
        <EntityRefLink entityRef={owner.entityRef} title={owner.title} />
      ) : (
        'No owning group in the catalog'
      )}
      {ownership.tribe && (
        <>
          {' · '}
          <EntityRefLink
            entityRef={ownership.tribe.entityRef}
            title={ownership.tribe.title}
          />
        </>
      )}
    </Typography>
  );
}

/**
 * The service at a glance for the overview tab: owning squad and tribe, compliance status
 * and score, and CO2e per month. Each part loads and fails on its own, so a backend without
 * sustainability still shows ownership and compliance.
 *
 * @public
 */
export function ServiceSummaryCard() {
  // Shared with the other cards of the page that show the same reads: one request each.
  const profile = useSharedEntityRequest('profile');
  const compliance = useSharedEntityRequest('compliance');
  const footprint = useSharedEntityRequest('footprint');

  const loading = <Skeleton variant="text" width="80%" />;
  return (
    <InfoCard title="Squad Insights">
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2 }}>
        <Part label="Owner">
          <AsyncView state={profile} what="Ownership" placeholder={loading}>
            {value => <OwnerLine ownership={value.ownership} />}
          </AsyncView>
        </Part>
        <Part label="Compliance">
          <AsyncView state={compliance} what="Compliance" placeholder={loading}>
            {value => (
              <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
                <StatusChip status={complianceStatus(value.score)} />
                <Typography variant="body2">
                  {`score ${formatScore(value.score.score)}, ${
                    value.score.failed
                  } failing`}
                </Typography>
              </Box>
            )}
          </AsyncView>
        </Part>
        <Part label="Emissions">
          <AsyncView
            state={footprint}
            what="The footprint"
            placeholder={loading}
          >
            {value => (
              <Typography variant="body2">
                {value.footprint
                  ? `${kg(value.footprint.co2eKgPerMonth)} kg CO2e/month`
                  : 'Unknown: no Terraform state read yet'}
              </Typography>
            )}
          </AsyncView>
        </Part>
      </Box>
    </InfoCard>
  );
}
