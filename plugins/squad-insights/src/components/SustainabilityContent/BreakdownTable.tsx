import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { ServiceFootprint } from '@squad-insights/backstage-plugin-squad-insights-common';

const ORDER = ['compute', 'memory', 'storage', 'network', 'embodied'] as const;

/** Energy and emissions per component. Embodied emissions have no operational kWh. */
export function BreakdownTable({
  breakdown,
}: {
  breakdown: ServiceFootprint['breakdown'];
}) {
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          <TableCell>Component</TableCell>
          <TableCell align="right">kWh/day</TableCell>
          <TableCell align="right">kg CO2e/day</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {ORDER.map(c => (
          <TableRow key={c}>
            <TableCell>{c}</TableCell>
            <TableCell align="right">
              {breakdown[c].kwhPerDay.toFixed(3)}
            </TableCell>
            <TableCell align="right">
              {breakdown[c].co2eKgPerDay.toFixed(4)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
