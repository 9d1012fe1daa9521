import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { alpha, useTheme, Theme } from '@mui/material/styles';
import type {
  GreenBand,
  Heatmap,
} from '@squad-insights/backstage-plugin-squad-insights-common';

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

const BAND_TEXT: Record<GreenBand, string> = {
  high: 'green (high renewable share)',
  medium: 'medium renewable share',
  low: 'low renewable share',
};

// Theme colours with transparency, so the band reads on light and dark paper alike and the
// capacity bar (text colour) keeps its contrast on top of it.
function bandColor(theme: Theme, band: GreenBand) {
  if (band === 'high') return alpha(theme.palette.success.main, 0.45);
  if (band === 'medium') return alpha(theme.palette.warning.main, 0.35);
  return alpha(theme.palette.text.primary, 0.08);
}

// With the zone's real hourly intensity: the cleanest hour of the week is the greenest cell,
// the dirtiest the palest, on the same scale as the bands.
function intensityColor(theme: Theme, g: number, min: number, max: number) {
  const clean = max > min ? (max - g) / (max - min) : 0.5;
  return clean >= 0.5
    ? alpha(theme.palette.success.main, 0.1 + 0.5 * (clean - 0.5) * 2)
    : alpha(theme.palette.text.primary, 0.04 + 0.1 * (0.5 - clean) * 2);
}

const hh = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

export function cellLabel(
  day: number,
  hour: number,
  replicas: number | null,
  band: GreenBand,
  gPerKwh?: number | null,
) {
  const replicasText =
    replicas === null
      ? 'no such hour this week (daylight-saving change)'
      : `${Number(replicas.toFixed(1))} ${
          replicas === 1 ? 'replica' : 'replicas'
        }`;
  const grid =
    gPerKwh === undefined || gPerKwh === null
      ? BAND_TEXT[band]
      : `grid ${Number(gPerKwh.toFixed(1))} g CO2e/kWh`;
  return `${DAYS[day]} ${hh(hour)}: ${replicasText}, ${grid}`;
}

/**
 * Scheduled capacity over the week (rows Monday–Sunday, columns local hours): each cell's
 * colour is the zone's measured intensity in that hour when it is known, else how green the
 * grid usually is then (the bands); the bar in it how many replicas the schedule keeps. Capacity standing in pale hours is what the green-hours advice would move.
 */
export function CapacityHeatmap({ data }: { data: Heatmap }) {
  const theme = useTheme();
  const max = Math.max(1, ...data.capacity.flat().map(c => c ?? 0));
  const known = (data.intensity ?? [])
    .flat()
    .filter((g): g is number => g !== null);
  const gMin = Math.min(...known);
  const gMax = Math.max(...known);
  return (
    <Box>
      <Box
        role="table"
        aria-label={`Scheduled replicas per hour of the week, ${data.timeZone} time, over green hours`}
        sx={{
          display: 'grid',
          gridTemplateColumns: '2.5rem repeat(24, minmax(0.9rem, 1fr))',
          gap: '2px',
        }}
      >
        <Box role="row" sx={{ display: 'contents' }}>
          <Box role="columnheader" />
          {Array.from({ length: 24 }, (_, hour) => (
            <Box
              key={hour}
              role="columnheader"
              aria-label={hh(hour)}
              sx={{ textAlign: 'center' }}
            >
              <Typography variant="caption" color="text.secondary">
                {hour % 3 === 0 ? String(hour).padStart(2, '0') : ''}
              </Typography>
            </Box>
          ))}
        </Box>
        {data.capacity.map((row, day) => (
          <Box key={DAYS[day]} role="row" sx={{ display: 'contents' }}>
            <Box role="rowheader">
              <Typography variant="caption">{DAYS[day]}</Typography>
            </Box>
            {row.map((replicas, hour) => {
              const band = data.band[day][hour];
              const g = data.intensity?.[day]?.[hour];
              const label = cellLabel(day, hour, replicas, band, g);
              return (
                <Box
                  key={hour}
                  role="cell"
                  aria-label={label}
                  title={label}
                  sx={{
                    position: 'relative',
                    height: '1.5rem',
                    borderRadius: 0.5,
                    bgcolor:
                      g === undefined || g === null
                        ? bandColor(theme, band)
                        : intensityColor(theme, g, gMin, gMax),
                    ...(replicas === null && {
                      backgroundImage: `repeating-linear-gradient(45deg, transparent 0 3px, ${theme.palette.divider} 3px 5px)`,
                    }),
                  }}
                >
                  {replicas !== null && replicas > 0 && (
                    <Box
                      sx={{
                        position: 'absolute',
                        left: '20%',
                        right: '20%',
                        bottom: 0,
                        height: `${(replicas / max) * 100}%`,
                        bgcolor: alpha(theme.palette.text.primary, 0.6),
                        borderRadius: 0.5,
                      }}
                    />
                  )}
                </Box>
              );
            })}
          </Box>
        ))}
      </Box>
      {known.length > 0 ? (
        <Typography variant="caption" component="p" sx={{ mt: 1 }}>
          {`Colour: grid intensity, greenest ${Number(
            gMin.toFixed(1),
          )} to palest ${Number(gMax.toFixed(1))} g CO2e/kWh (${
            data.intensitySource
          }); bar height: scheduled replicas (full cell = ${max})`}
        </Typography>
      ) : (
        <HeatmapLegend max={max} />
      )}
    </Box>
  );
}

function HeatmapLegend({ max }: { max: number }) {
  const theme = useTheme();
  const swatch = (band: GreenBand) => (
    <Box key={band} sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
      <Box
        sx={{
          width: 14,
          height: 14,
          borderRadius: 0.5,
          bgcolor: bandColor(theme, band),
        }}
      />
      <Typography variant="caption">{BAND_TEXT[band]}</Typography>
    </Box>
  );
  return (
    <Box
      sx={{
        display: 'flex',
        flexWrap: 'wrap',
        gap: 2,
        mt: 1,
        alignItems: 'center',
      }}
    >
      {(['high', 'medium', 'low'] as const).map(swatch)}
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
        <Box
          sx={{
            width: 6,
            height: 14,
            borderRadius: 0.5,
            bgcolor: alpha(theme.palette.text.primary, 0.6),
          }}
        />
        <Typography variant="caption">{`bar height: scheduled replicas (full cell = ${max})`}</Typography>
      </Box>
    </Box>
  );
}
