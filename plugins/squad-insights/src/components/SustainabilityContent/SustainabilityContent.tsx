import { InfoCard, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Alert from '@mui/material/Alert';
import Grid from '@mui/material/Grid';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import useAsync from 'react-use/esm/useAsync';
import { squadInsightsApiRef } from '../../api';
import { BreakdownTable } from './BreakdownTable';
import { StatTile } from './StatTile';

const fmt = (n: number, digits = 2) =>
  n.toLocaleString('sv-SE', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/**
 * The service's footprint by Cloud Carbon Footprint's method: energy, CO2e, Swedish carbon
 * tax, renewable share, what could not be estimated and the advice that fits its
 * criticality. Unknown is shown as unknown, never as zero.
 *
 * @public
 */
export function SustainabilityContent() {
  const { entity } = useEntity();
  const api = useApi(squadInsightsApiRef);
  const { value, loading, error } = useAsync(
    () => api.getFootprint(getCompoundEntityRef(entity)),
    [api, entity],
  );
  if (loading) return <Progress />;
  if (error || !value) return <ResponseErrorPanel error={error ?? new Error('No answer')} />;

  const { footprint, advice, problems, stale, states } = value;
  const staleStates = states.filter(s => s.freshness.stale);
  return (
    <Grid container spacing={2}>
      {stale && (
        <Grid item xs={12}>
          <Alert severity="warning">
            Based on stale facts:{' '}
            {staleStates
              .map(s => `${s.reference} (${s.freshness.lastError ?? 'not confirmed recently'}, read ${s.freshness.readAt ?? 'never'})`)
              .join('; ')}
          </Alert>
        </Grid>
      )}
      {problems.map(p => (
        <Grid item xs={12} key={p}>
          <Alert severity="info">{p}</Alert>
        </Grid>
      ))}
      {!footprint ? (
        <Grid item xs={12}>
          <Alert severity="info">No Terraform state of this service has been read yet: its footprint is unknown.</Alert>
        </Grid>
      ) : (
        <>
          <StatTile label="Energy" value={`${fmt(footprint.kwhPerDay)} kWh/day`} />
          <StatTile label="Emissions" value={`${fmt(footprint.co2eKgPerMonth)} kg CO2e/month`} />
          <StatTile label="Carbon tax" value={`${fmt(footprint.carbonTaxSekPerMonth)} SEK/month`} />
          <StatTile
            label="Renewable share"
            value={footprint.renewableShare === null ? 'unknown' : `${Math.round(footprint.renewableShare * 100)} %`}
            good={footprint.meetsRenewableThreshold ?? undefined}
          />
          <Grid item xs={12} md={6}>
            <InfoCard title="Breakdown per day">
              <BreakdownTable breakdown={footprint.breakdown} />
            </InfoCard>
          </Grid>
          <Grid item xs={12} md={6}>
            <InfoCard title="Advice">
              {advice.length === 0 ? (
                <Typography variant="body2">No advice for a {value.criticality} service.</Typography>
              ) : (
                <List dense>
                  {advice.map(a => (
                    <ListItem key={`${a.kind}:${a.region ?? ''}`}>
                      <ListItemText
                        primary={a.summary}
                        secondary={`saves ${fmt(a.co2eKgPerMonthSaved)} kg CO2e/month`}
                      />
                    </ListItem>
                  ))}
                </List>
              )}
            </InfoCard>
          </Grid>
          <Grid item xs={12}>
            <InfoCard
              title="Not estimated"
              subheader={`${Math.round(footprint.coverage.notMadeShare * 100)} % of estimates could not be made`}
            >
              <List dense>
                {footprint.notEstimated.map(n => (
                  <ListItem key={`${n.address}:${n.component}`}>
                    <ListItemText primary={`${n.address} (${n.component})`} secondary={n.reason} />
                  </ListItem>
                ))}
              </List>
            </InfoCard>
          </Grid>
        </>
      )}
    </Grid>
  );
}
