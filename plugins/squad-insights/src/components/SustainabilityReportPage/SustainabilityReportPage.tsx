import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useAppSearchParams } from '@backstage/frontend-plugin-api';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import {
  isReportMonth,
  reportFigures,
  SustainabilityReport,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import { useMemo, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { squadInsightsApiRef } from '../../api';
import {
  downloadCsv,
  errorMessage,
  RetryableErrorPanel,
  useEntityTitles,
} from '../common';
import { REPORT_PRINT_CSS } from './printStyles';
import { FigureList, MonthTable, Section, withUnit } from './ReportSections';

const thisMonth = () => new Date().toISOString().slice(0, 7);
const MET: Record<string, string> = {
  yes: 'met',
  no: 'not met',
  unknown: 'unknown',
};

/**
 * The monthly sustainability report of a tribe (`?tribe=group:default/…`) or of the
 * organisation, printable on A4. Every number on the page is a figure of
 * `reportFigures`, the list the backend's CSV is written from, so the download and the page
 * cannot disagree. The month and tribe live in the query string, so a link reproduces the
 * report; `useAppSearchParams` works in both frontend systems.
 *
 * @public
 */
export function SustainabilityReportPage() {
  const [params, setParams] = useAppSearchParams();
  const tribe = params.get('tribe') || undefined;
  const month = params.get('month') || thisMonth();
  const api = useApi(squadInsightsApiRef);
  const state = useAsyncRetry(
    () => api.getSustainabilityReport({ month, tribe }),
    [api, month, tribe],
  );
  const chooseMonth = (next: string) => {
    if (!isReportMonth(next)) return;
    const p = new URLSearchParams(params);
    p.set('month', next);
    setParams(p);
  };

  return (
    <Stack spacing={2} sx={{ p: 3 }} data-report>
      <style>{REPORT_PRINT_CSS}</style>
      <Stack
        direction="row"
        spacing={2}
        alignItems="center"
        data-report-no-print
      >
        <TextField
          label="Month"
          type="month"
          size="small"
          value={month}
          onChange={e => chooseMonth(e.target.value)}
          InputLabelProps={{ shrink: true }}
        />
        {state.value && <ReportActions report={state.value} tribe={tribe} />}
      </Stack>
      {state.loading && <Progress />}
      {state.error && (
        <RetryableErrorPanel
          error={state.error}
          onRetry={state.retry}
          title="The sustainability report could not be loaded"
        />
      )}
      {state.value && !state.loading && <ReportBody report={state.value} />}
    </Stack>
  );
}

function ReportActions(props: {
  report: SustainabilityReport;
  tribe?: string;
}) {
  const api = useApi(squadInsightsApiRef);
  const [error, setError] = useState<Error>();
  const { report } = props;
  async function download() {
    setError(undefined);
    try {
      // The backend's CSV of the same month and scope, written from the same figures.
      const csv = await api.getSustainabilityReportCsv({
        month: report.month,
        tribe: props.tribe,
      });
      const scope = (props.tribe ?? 'organisation').replace(
        /[^a-z0-9-]+/gi,
        '-',
      );
      downloadCsv(`sustainability-${scope}-${report.month}.csv`, csv);
    } catch (e) {
      setError(e as Error);
    }
  }
  return (
    <>
      <Button variant="outlined" onClick={download}>
        Download CSV
      </Button>
      <Button variant="outlined" onClick={() => window.print()}>
        Print
      </Button>
      {error && (
        <Alert severity="error" onClose={() => setError(undefined)}>
          {`The CSV could not be downloaded: ${errorMessage(error)}`}
        </Alert>
      )}
    </>
  );
}

function ReportBody({ report }: { report: SustainabilityReport }) {
  const figures = useMemo(() => reportFigures(report), [report]);
  const titles = useEntityTitles(
    useMemo(
      () => [
        ...report.groups.map(g => g.ref),
        ...report.services.map(s => s.entityRef),
        ...(report.scope.ref ? [report.scope.ref] : []),
      ],
      [report],
    ),
  );
  const section = (s: string) => figures.filter(f => f.section === s);
  const summary = section('summary');
  const find = (metric: string, unit?: string) =>
    summary.find(f => f.metric === metric && (!unit || f.unit === unit));
  const title = report.scope.ref
    ? titles.get(report.scope.ref) ?? report.scope.title
    : report.scope.title;
  const summaryRows: Array<[string, string, string | undefined]> = [
    ['Energy', withUnit(find('energy')), 'operational, after PUE'],
    ['CO2e', withUnit(find('co2e')), undefined],
    ['CO2e operational', withUnit(find('co2e operational')), undefined],
    ['CO2e embodied', withUnit(find('co2e embodied')), undefined],
    [
      'Carbon tax',
      withUnit(find('carbon tax')),
      `${report.sekPerKgCo2e} SEK per kg CO2e`,
    ],
    [
      'Renewable share',
      withUnit(find('renewable share')),
      `threshold ${withUnit(
        find('renewable threshold'),
      )} (Energimyndigheten): ${
        MET[find('meets renewable threshold')?.value ?? 'unknown'] ?? 'unknown'
      }`,
    ],
    [
      'Energy change from previous month',
      withUnit(find('energy change from previous month')),
      find('energy change from previous month')?.note,
    ],
    [
      'CO2e change from previous month',
      withUnit(find('co2e change from previous month')),
      find('co2e change from previous month')?.note,
    ],
    [
      'Optimisation potential',
      `${withUnit(find('optimisation potential', 'kg CO2e'))} · ${withUnit(
        find('optimisation potential', 'SEK'),
      )}`,
      'per month, all advice',
    ],
    ['Estimates not made', withUnit(find('estimates not made')), undefined],
  ];

  return (
    <>
      <Typography variant="h4" component="h1">
        Sustainability report · {title} · {report.month}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {report.partial
          ? `${report.month} is still running: figures are projected to the whole month from the days so far. `
          : ''}
        Generated {report.generatedAt.slice(0, 16).replace('T', ' ')} UTC.
      </Typography>
      <Section title="Summary">
        <FigureList
          label="Summary"
          columns={['Figure', 'Value', 'Note']}
          rows={summaryRows.map(([label, value, note]) => ({
            key: label,
            cells: [label, value, note ?? ''],
          }))}
        />
      </Section>
      <Section title={report.scope.kind === 'tribe' ? 'By squad' : 'By tribe'}>
        <MonthTable
          label={report.scope.kind === 'tribe' ? 'Squad' : 'Tribe'}
          figures={section('group')}
          titles={titles}
        />
      </Section>
      <Section title="By service">
        <MonthTable
          label="Service"
          figures={section('service')}
          titles={titles}
          notes
        />
      </Section>
      <Section title="Renewable share by region">
        <FigureList
          label="Renewable share by region"
          columns={['Region', 'Share', 'Source']}
          rows={section('renewable').map(f => ({
            key: f.item,
            cells: [f.item, withUnit(f), f.note],
          }))}
        />
      </Section>
      <Section title="Top optimisation potential">
        {report.optimisations.length === 0 ? (
          <Typography>No advice saves CO2e for these services.</Typography>
        ) : (
          <FigureList
            label="Top optimisation potential"
            columns={['Service', 'Saves per month', 'Advice']}
            rows={report.optimisations.map((o, i) => {
              const pair = section('optimisation').filter(
                f => f.item === o.entityRef && f.note === o.summary,
              );
              return {
                key: `${o.entityRef}-${i}`,
                cells: [
                  titles.get(o.entityRef) ?? o.entityRef,
                  pair.map(withUnit).join(' · '),
                  o.summary,
                ],
              };
            })}
          />
        )}
      </Section>
      <Section title="Not estimated">
        {section('not-estimated').length === 0 ? (
          <Typography>Everything was estimated.</Typography>
        ) : (
          <FigureList
            label="Not estimated"
            columns={['What', 'Part', 'Why']}
            rows={section('not-estimated').map((f, i) => ({
              key: `${f.item}-${i}`,
              cells: [f.item, f.metric, f.note],
            }))}
          />
        )}
      </Section>
    </>
  );
}
