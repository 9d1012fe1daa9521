import { InfoCard, Progress } from '@backstage/core-components';
import {
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import {
  PortfolioQuery,
  SQUAD_MODEL_GROUP_TYPES,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { squadInsightsApiRef } from '../../api';
import {
  AppLink,
  errorMessage,
  RetryableErrorPanel,
  StatusChip,
  useComplianceTabLink,
} from '../common';
import { sustainabilityReportLink } from '../SustainabilityReportPage/reportLink';
import { rollupRows } from './rollupRows';

/** A tribe has at most a few hundred services; one backend page holds them all. */
const PORTFOLIO_LIMIT = 1000;

type RollupGroupType = keyof typeof SQUAD_MODEL_GROUP_TYPES;

/**
 * How each squad-model group comes by its services: squads and tribes own them (`spec.owner`),
 * chapters and guilds are named by the services' `squad-insights.io/chapter` / `guild`
 * annotations. The portfolio filter of the same name selects them either way.
 */
const ROLLUP: Record<
  RollupGroupType,
  { title: string; filter: keyof PortfolioQuery; none: string }
> = {
  squad: {
    title: "Squad's services",
    filter: 'squad',
    none: 'This squad owns no services in the catalog.',
  },
  tribe: {
    title: "Tribe's services",
    filter: 'tribe',
    none: 'This tribe owns no services in the catalog.',
  },
  chapter: {
    title: "Chapter's services",
    filter: 'chapter',
    none: 'No service in the catalog names this chapter in its squad-insights.io/chapter annotation.',
  },
  guild: {
    title: "Guild's services",
    filter: 'guild',
    none: 'No service in the catalog names this guild in its squad-insights.io/guild annotation.',
  },
};

function rollupOf(type: string) {
  return Object.prototype.hasOwnProperty.call(ROLLUP, type)
    ? ROLLUP[type as RollupGroupType]
    : undefined;
}

const kg = (n: number) =>
  `${n.toLocaleString('en', { maximumFractionDigits: 1 })} kg CO2e/month`;
const sek = (n: number) =>
  `${n.toLocaleString('en', { maximumFractionDigits: 0 })} SEK/month`;

function PartFailed(props: {
  what: string;
  error: Error;
  onRetry: () => void;
}) {
  return (
    <Alert
      severity="warning"
      action={<Button onClick={props.onRetry}>Retry</Button>}
    >
      {`${props.what} could not be loaded: ${errorMessage(props.error)}`}
    </Alert>
  );
}

/**
 * The services of a squad-model group, worst first, with their compliance and footprint and
 * the group's totals: those a squad or tribe owns (a tribe: through its squads), or those
 * whose annotations name a chapter or guild. Compliance and footprint load separately, so one
 * answering still shows when the other does not.
 *
 * @public
 */
export function GroupRollupCard() {
  const { entity } = useEntity();
  const api = useApi(squadInsightsApiRef);
  const complianceTab = useComplianceTabLink();
  const groupRef = stringifyEntityRef(entity);
  const type = String(entity.spec?.type ?? '');
  const rollup = rollupOf(type);

  const portfolio = useAsyncRetry(async () => {
    if (!rollup) return undefined;
    return api.getPortfolio({
      [rollup.filter]: groupRef,
      limit: PORTFOLIO_LIMIT,
    });
  }, [api, groupRef, type]);
  const footprint = useAsyncRetry(
    async () =>
      rollup ? api.getGroupFootprint(getCompoundEntityRef(entity)) : undefined,
    [api, entity],
  );

  if (!rollup) {
    return (
      <InfoCard title="Services">
        <Typography>
          Only squads, tribes, chapters and guilds have services in the squad
          model; this group is a {type || 'group without a type'}.
        </Typography>
      </InfoCard>
    );
  }
  const title = rollup.title;
  if (portfolio.loading || footprint.loading) {
    return (
      <InfoCard title={title}>
        <Progress />
      </InfoCard>
    );
  }
  if (portfolio.error && footprint.error) {
    const retryBoth = () => {
      portfolio.retry();
      footprint.retry();
    };
    return (
      <InfoCard title={title}>
        <RetryableErrorPanel
          error={portfolio.error}
          onRetry={retryBoth}
          title="The squad-insights backend did not answer"
        />
      </InfoCard>
    );
  }

  const rows = rollupRows(portfolio.value, footprint.value);
  const failing = portfolio.value?.items.filter(
    r => r.status === 'failing',
  ).length;
  const totals = [
    failing !== undefined &&
      `${failing} of ${portfolio.value!.totalCount} services failing`,
    footprint.value && kg(footprint.value.rollup.co2eKgPerMonth),
    footprint.value && sek(footprint.value.rollup.carbonTaxSekPerMonth),
  ].filter(Boolean);

  return (
    <InfoCard title={title} subheader={totals.join(' · ')}>
      <Stack spacing={1}>
        {type === SQUAD_MODEL_GROUP_TYPES.tribe && (
          <Typography variant="body2">
            <AppLink to={sustainabilityReportLink(groupRef)}>
              Monthly sustainability report
            </AppLink>
          </Typography>
        )}
        {portfolio.error && (
          <PartFailed
            what="Compliance"
            error={portfolio.error}
            onRetry={portfolio.retry}
          />
        )}
        {footprint.error && (
          <PartFailed
            what="The footprint"
            error={footprint.error}
            onRetry={footprint.retry}
          />
        )}
        {portfolio.value &&
          portfolio.value.totalCount > portfolio.value.items.length && (
            <Alert severity="info">
              Showing the first {portfolio.value.items.length} of{' '}
              {portfolio.value.totalCount} services.
            </Alert>
          )}
        {footprint.value && footprint.value.unknownServices.length > 0 && (
          <Typography variant="body2" color="text.secondary">
            Footprint unknown for {footprint.value.unknownServices.length}{' '}
            services (no state read yet); the totals leave them out.
          </Typography>
        )}
        {rows.length === 0 ? (
          <Typography>{rollup.none}</Typography>
        ) : (
          <Table size="small" aria-label={title}>
            <TableHead>
              <TableRow>
                <TableCell>Service</TableCell>
                <TableCell>Compliance</TableCell>
                <TableCell align="right">Failing checks</TableCell>
                <TableCell align="right">kg CO2e/month</TableCell>
                <TableCell align="right">SEK/month</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map(r => (
                <TableRow key={r.entityRef}>
                  <TableCell component="th" scope="row">
                    <AppLink to={complianceTab(r.entityRef)}>{r.name}</AppLink>
                  </TableCell>
                  <TableCell>
                    {r.status ? <StatusChip status={r.status} /> : '—'}
                  </TableCell>
                  <TableCell align="right">{r.failingChecks ?? '—'}</TableCell>
                  <TableCell align="right">
                    {r.co2eKgPerMonth === undefined
                      ? 'unknown'
                      : r.co2eKgPerMonth.toFixed(1)}
                  </TableCell>
                  <TableCell align="right">
                    {r.carbonTaxSekPerMonth === undefined
                      ? 'unknown'
                      : r.carbonTaxSekPerMonth.toFixed(0)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Stack>
    </InfoCard>
  );
}
