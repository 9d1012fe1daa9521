import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ReportFigure } from '@squad-insights/backstage-plugin-squad-insights-common';
import type { ReactNode } from 'react';

/** Figure text with its unit, as the CSV's value and unit columns hold them. */
export const withUnit = (f: ReportFigure | undefined) =>
  f && f.value !== '' ? `${f.value}${f.unit ? ` ${f.unit}` : ''}` : '—';

export function Section(props: { title: string; children: ReactNode }) {
  return (
    <section aria-label={props.title}>
      <Typography variant="h6" component="h2" gutterBottom>
        {props.title}
      </Typography>
      {props.children}
    </section>
  );
}

const MONTH_COLUMNS = [
  ['energy', 'Energy'],
  ['co2e', 'CO2e'],
  ['co2e operational', 'Operational'],
  ['co2e embodied', 'Embodied'],
  ['carbon tax', 'Carbon tax'],
] as const;

/** One row per group or service with its month's figures, in the order the report lists them. */
export function MonthTable(props: {
  label: string;
  figures: ReportFigure[];
  titles: ReadonlyMap<string, string>;
  notes?: boolean;
}) {
  const items = [...new Set(props.figures.map(f => f.item))];
  const cell = (item: string, metric: string) =>
    props.figures.find(f => f.item === item && f.metric === metric);
  return (
    <Table size="small" aria-label={props.label}>
      <TableHead>
        <TableRow>
          <TableCell>{props.label}</TableCell>
          {MONTH_COLUMNS.map(([, title]) => (
            <TableCell key={title} align="right">
              {title}
            </TableCell>
          ))}
          {props.notes && <TableCell>Basis</TableCell>}
        </TableRow>
      </TableHead>
      <TableBody>
        {items.map(item => (
          <TableRow key={item}>
            <TableCell component="th" scope="row">
              {props.titles.get(item) ?? item}
            </TableCell>
            {MONTH_COLUMNS.map(([metric]) => (
              <TableCell key={metric} align="right">
                {withUnit(cell(item, metric))}
              </TableCell>
            ))}
            {props.notes && <TableCell>{cell(item, 'energy')?.note}</TableCell>}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** Rows of label, value and note: the renewable regions, savings and gaps. */
export function FigureList(props: {
  label: string;
  columns: [string, string, string];
  rows: Array<{ key: string; cells: [ReactNode, ReactNode, ReactNode] }>;
}) {
  return (
    <Table size="small" aria-label={props.label}>
      <TableHead>
        <TableRow>
          {props.columns.map(c => (
            <TableCell key={c}>{c}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {props.rows.map(r => (
          <TableRow key={r.key}>
            {r.cells.map((c, i) => (
              <TableCell key={i}>{c}</TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
