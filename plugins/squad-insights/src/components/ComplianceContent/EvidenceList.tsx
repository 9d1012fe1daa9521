import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { Evidence, FactFreshness } from '@squad-insights/backstage-plugin-squad-insights-common';
import { when } from '../SustainabilityContent/format';

/** Freshness by evidence source: a state reference, or `consul`. */
export type FreshnessBySource = ReadonlyMap<string, FactFreshness>;

function show(value: unknown) {
  if (value === undefined) return '(missing)';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function sourceText(e: Evidence, freshness?: FactFreshness) {
  let marker = '';
  if (e.serial !== undefined) marker = ` serial ${e.serial}`;
  else if (e.consulIndex !== undefined) marker = ` index ${e.consulIndex}`;
  if (!freshness) return `${e.source}${marker}`;
  const read = `read ${when(freshness.readAt)}`;
  return `${e.source}${marker} · ${read}${freshness.stale ? ' (stale)' : ''}`;
}

/**
 * The evidence of one check: which resource and attribute, what was found against what the
 * policy expects, and where it was read and how fresh that is. Long lists are cut at `limit`.
 */
export function EvidenceList(props: { evidence: Evidence[]; freshness?: FreshnessBySource; limit?: number }) {
  const { evidence, freshness, limit = 10 } = props;
  return (
    <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0 }}>
      {evidence.slice(0, limit).map((e, i) => (
        <Box component="li" key={`${e.address}:${e.attribute}:${i}`} sx={{ py: 0.5 }}>
          <Typography variant="body2" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
            {e.address}
            {e.attribute ? ` · ${e.attribute}` : ''}
          </Typography>
          <Typography variant="body2">
            {'actual '}
            <Box component="code" sx={{ color: 'error.main' }}>
              {show(e.actual)}
            </Box>
            {', expected '}
            <Box component="code">{e.expected}</Box>
            {e.note ? ` — ${e.note}` : ''}
          </Typography>
          <Typography variant="caption" color="text.secondary">
            {sourceText(e, freshness?.get(e.source))}
          </Typography>
        </Box>
      ))}
      {evidence.length > limit && (
        <Typography component="li" variant="caption">
          {`… and ${evidence.length - limit} more`}
        </Typography>
      )}
    </Box>
  );
}
