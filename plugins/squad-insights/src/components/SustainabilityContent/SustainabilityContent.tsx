import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Alert from '@mui/material/Alert';
import Grid from '@mui/material/Grid';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { squadInsightsApiRef } from '../../api';
import { CapacityHeatmap, TrendChart } from '../charts';
import { AsyncView } from '../common';
import { AdviceList } from './AdviceList';
import { BreakdownTable } from './BreakdownTable';
import { MeasuredFactors } from './MeasuredFactors';
import { dayIn, fmt } from './format';
import { factSources, FootprintDetails } from './footprintResponse';
import { StaleSourcesBanner } from './StaleSourcesBanner';
import { StatTile } from './StatTile';

function Placeholder() {
  return (
    <Grid
      container
      spacing={2}
      aria-busy="true"
      aria-label="Loading the footprint"
    >
      {[0, 1, 2, 3].map(i => (
        <Grid item xs={6} md={3} key={i}>
          <Skeleton variant="rounded" height={88} />
        </Grid>
      ))}
      <Grid item xs={12}>
        <Skeleton variant="rounded" height={280} />
      </Grid>
    </Grid>
  );
}

/**
 * The service's footprint by Cloud Carbon Footprint's method: energy, CO2e, Swedish carbon
 * tax, renewable share, the 90-day trend, scheduled capacity over green hours, what could not
 * be estimated and the advice that fits its criticality. Unknown is shown as unknown, never
 * as zero.
 *
 * @public
 */
export function SustainabilityContent() {
  const { entity } = useEntity();
  const api = useApi(squadInsightsApiRef);
  const state = useAsyncRetry(
    async () =>
      (await api.getFootprint(
        getCompoundEntityRef(entity),
      )) as FootprintDetails,
    [api, entity],
  );
  return (
    <AsyncView state={state} what="The footprint" placeholder={<Placeholder />}>
      {value => <Footprint value={value} />}
    </AsyncView>
  );
}

function Footprint({ value }: { value: FootprintDetails }) {
  const { footprint, advice, problems, history = [], heatmap } = value;
  return (
    <Grid container spacing={2}>
      <Grid item xs={12}>
        <StaleSourcesBanner
          stale={value.stale}
          sources={factSources(value)}
          consequence="The figures use the last good facts of these sources."
        />
      </Grid>
      {problems.map(p => (
        <Grid item xs={12} key={p}>
          <Alert severity="info">{p}</Alert>
        </Grid>
      ))}
      {!footprint ? (
        <Grid item xs={12}>
          <Alert severity="info">
            No Terraform state of this service has been read yet: its footprint
            is unknown.
          </Alert>
        </Grid>
      ) : (
        <>
          <StatTile
            label="Energy"
            value={`${fmt(footprint.kwhPerDay)} kWh/day`}
          />
          <StatTile
            label="Emissions"
            value={`${fmt(footprint.co2eKgPerMonth)} kg CO2e/month`}
          />
          <StatTile
            label="Carbon tax"
            value={`${fmt(footprint.carbonTaxSekPerMonth)} SEK/month`}
          />
          <StatTile
            label="Renewable share"
            value={
              footprint.renewableShare === null
                ? 'unknown'
                : `${Math.round(footprint.renewableShare * 100)} %`
            }
            good={footprint.meetsRenewableThreshold ?? undefined}
          />
        </>
      )}
      <Grid item xs={12}>
        <InfoCard
          title="Trend"
          subheader="kWh and kg CO2e per day, last 90 days"
        >
          {history.length === 0 ? (
            <Typography variant="body2">
              No daily snapshots yet: the trend starts with the first one.
            </Typography>
          ) : (
            <TrendChart points={history} />
          )}
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard
          title="Scheduled capacity over green hours"
          subheader={
            heatmap
              ? `Week of ${dayIn(heatmap.weekStart, heatmap.timeZone)}, ${
                  heatmap.timeZone
                } time`
              : undefined
          }
        >
          {heatmap ? (
            <CapacityHeatmap data={heatmap} />
          ) : (
            <Typography variant="body2">
              No scaling schedule found in the service's Terraform state, so
              there is no week to show.
            </Typography>
          )}
        </InfoCard>
      </Grid>
      {footprint && (
        <>
          <Grid item xs={12} md={6}>
            <InfoCard title="Breakdown per day">
              <BreakdownTable breakdown={footprint.breakdown} />
              <MeasuredFactors value={value} />
            </InfoCard>
          </Grid>
          <Grid item xs={12} md={6}>
            <InfoCard title="Advice" subheader="Estimated effect per month">
              <AdviceList
                advice={advice}
                criticality={value.criticality}
                declared={value.criticalityDeclared}
              />
            </InfoCard>
          </Grid>
          {footprint.notEstimated.length > 0 && (
            <Grid item xs={12}>
              <InfoCard
                title="Not estimated"
                subheader={`${Math.round(
                  footprint.coverage.notMadeShare * 100,
                )} % of estimates could not be made`}
              >
                <List dense>
                  {footprint.notEstimated.map(n => (
                    <ListItem key={`${n.address}:${n.component}`}>
                      <ListItemText
                        primary={`${n.address} (${n.component})`}
                        secondary={n.reason}
                      />
                    </ListItem>
                  ))}
                </List>
              </InfoCard>
            </Grid>
          )}
        </>
      )}
    </Grid>
  );
}
