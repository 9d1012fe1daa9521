import Box from '@mui/material/Box';
import { useTheme } from '@mui/material/styles';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { visuallyHidden } from './visuallyHidden';

/** One day of the footprint history. */
export interface TrendPoint {
  day: string;
  kwhPerDay: number;
  co2eKgPerDay: number;
}

const num = (n: number, digits: number) =>
  n.toLocaleString('sv-SE', {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  });

/** What a screen reader hears instead of the lines: the range and the first and last day. */
export function trendSummary(points: TrendPoint[]): string {
  const first = points[0];
  const last = points[points.length - 1];
  if (points.length === 1) {
    return (
      `Energy and emissions of 1 day, ${first.day}: ` +
      `${num(first.kwhPerDay, 2)} kWh/day, ${num(
        first.co2eKgPerDay,
        3,
      )} kg CO2e/day.`
    );
  }
  return (
    `Energy and emissions per day over ${points.length} days, ${first.day} to ${last.day}: ` +
    `${num(first.kwhPerDay, 2)} to ${num(last.kwhPerDay, 2)} kWh/day, ` +
    `${num(first.co2eKgPerDay, 3)} to ${num(last.co2eKgPerDay, 3)} kg CO2e/day.`
  );
}

/**
 * kWh/day and kg CO2e/day over the stored history, on two axes since their scales differ by
 * the grid's emission factor. The chart is an image with a summary label; the values follow
 * in a table only screen readers see. `width` fixes the size (tests, print); without it the
 * chart fills its container.
 */
export function TrendChart(props: {
  points: TrendPoint[];
  width?: number;
  height?: number;
}) {
  const { points, width, height = 280 } = props;
  const theme = useTheme();
  const axis = { fill: theme.palette.text.secondary, fontSize: 12 };
  // A line needs two days; until there are two, each series shows its one day as a dot.
  const dot = points.length === 1;
  const chart = (
    <LineChart
      data={points}
      width={width}
      height={width ? height : undefined}
      margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
    >
      <CartesianGrid stroke={theme.palette.divider} strokeDasharray="3 3" />
      <XAxis
        dataKey="day"
        tick={axis}
        stroke={theme.palette.divider}
        minTickGap={24}
      />
      <YAxis
        yAxisId="kwh"
        tick={axis}
        stroke={theme.palette.divider}
        width={48}
      />
      <YAxis
        yAxisId="co2e"
        orientation="right"
        tick={axis}
        stroke={theme.palette.divider}
        width={56}
      />
      <Tooltip
        contentStyle={{
          background: theme.palette.background.paper,
          borderColor: theme.palette.divider,
        }}
        labelStyle={{ color: theme.palette.text.primary }}
      />
      <Legend wrapperStyle={{ color: theme.palette.text.primary }} />
      <Line
        yAxisId="kwh"
        type="monotone"
        dataKey="kwhPerDay"
        name="kWh/day"
        stroke={theme.palette.primary.main}
        dot={dot}
        isAnimationActive={false}
      />
      <Line
        yAxisId="co2e"
        type="monotone"
        dataKey="co2eKgPerDay"
        name="kg CO2e/day"
        stroke={theme.palette.success.main}
        strokeDasharray="6 3"
        dot={dot}
        isAnimationActive={false}
      />
    </LineChart>
  );
  const summary = trendSummary(points);
  return (
    <Box>
      <Box role="img" aria-label={summary} sx={{ width: '100%', height }}>
        {width ? (
          chart
        ) : (
          // The initial size is what renders until the first measurement, and where there is
          // no ResizeObserver (jsdom); browsers measure before the first paint.
          <ResponsiveContainer
            width="100%"
            height={height}
            initialDimension={{ width: 640, height }}
          >
            {chart}
          </ResponsiveContainer>
        )}
      </Box>
      <Box component="table" sx={visuallyHidden}>
        <caption>{summary}</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">kWh/day</th>
            <th scope="col">kg CO2e/day</th>
          </tr>
        </thead>
        <tbody>
          {points.map(p => (
            <tr key={p.day}>
              <th scope="row">{p.day}</th>
              <td>{num(p.kwhPerDay, 3)}</td>
              <td>{num(p.co2eKgPerDay, 4)}</td>
            </tr>
          ))}
        </tbody>
      </Box>
    </Box>
  );
}
