import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { FootprintDetails } from './footprintResponse';
import { fmt, when } from './format';

/**
 * The factors behind the breakdown: PUE and grid factor per region, energy per request
 * where a request count is measured, and where the measured usage and grid intensity came
 * from (with their freshness), so nobody has to guess what is measured and what is assumed.
 */
export function MeasuredFactors({ value }: { value: FootprintDetails }) {
  const fp = value.footprint;
  if (!fp) return null;
  const grid = value.gridIntensity;
  return (
    <>
      {fp.factors && fp.factors.length > 0 && (
        <Table size="small" aria-label="PUE and grid factor per region">
          <TableHead>
            <TableRow>
              <TableCell>Region</TableCell>
              <TableCell align="right">PUE</TableCell>
              <TableCell align="right">Grid factor</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {fp.factors.map(f => (
              <TableRow key={f.region}>
                <TableCell>{f.region}</TableCell>
                <TableCell align="right">{fmt(f.pue, 3)}</TableCell>
                <TableCell align="right" title={f.gridSource}>
                  {`${fmt(f.gridKgCo2ePerKwh * 1000, 1)} g CO2e/kWh`}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Typography variant="body2" sx={{ mt: 1 }}>
        {fp.kwhPerTransaction
          ? `Energy per request: ${fmt(
              fp.kwhPerTransaction * 1000,
              4,
            )} Wh (${fmt(
              fp.requestsPerDay ?? 0,
              0,
            )} requests/day, ALB RequestCount)`
          : 'Energy per request: unknown (no request count measured)'}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {value.usage?.measuredAt
          ? `Measured usage: ${value.usage.source}, read ${when(
              value.usage.measuredAt,
            )}${
              value.usage.stale ? ` (stale: ${value.usage.staleReason})` : ''
            }`
          : "Measured usage: none; CCF's default utilisation and no sizes beyond Terraform state"}
      </Typography>
      {grid && (
        <Typography variant="body2" color="text.secondary">
          {`Grid intensity ${grid.zone}: ${
            grid.kind === 'hourly'
              ? `mean of ${grid.hours} stored hours`
              : 'yearly average'
          } ${fmt(grid.meanGCo2ePerKwh, 1)} g CO2e/kWh (${grid.source})${
            grid.stale ? `, stale: ${grid.staleReason}` : ''
          }`}
        </Typography>
      )}
    </>
  );
}
