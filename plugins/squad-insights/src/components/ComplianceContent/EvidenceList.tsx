import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type {
  Evidence,
  FactFreshness,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import { Fragment } from 'react';
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
 * Consecutive evidence of one `anyOf` (same `alternativeGroup`) as one entry: they are
 * alternatives, any one of which would have done, not requirements that all apply.
 */
export function groupAlternatives(evidence: Evidence[]): Evidence[][] {
  const groups: Evidence[][] = [];
  for (const e of evidence) {
    const last = groups[groups.length - 1];
    if (
      last &&
      e.alternativeGroup !== undefined &&
      last[0].alternativeGroup === e.alternativeGroup
    )
      last.push(e);
    else groups.push([e]);
  }
  return groups;
}

/** Alternatives about one value of one resource read as one line: "expected A or B". */
function sameFact(group: Evidence[]) {
  const [first] = group;
  return group.every(
    e =>
      e.source === first.source &&
      e.address === first.address &&
      e.attribute === first.attribute &&
      show(e.actual) === show(first.actual),
  );
}

function Subject(props: { e: Evidence }) {
  const { e } = props;
  return (
    <Typography
      variant="body2"
      sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}
    >
      {e.address}
      {e.attribute ? ` · ${e.attribute}` : ''}
    </Typography>
  );
}

function Finding(props: { actual: unknown; expected: Evidence[] }) {
  const { actual, expected } = props;
  const notes = [...new Set(expected.flatMap(e => (e.note ? [e.note] : [])))];
  return (
    <Typography variant="body2">
      {'actual '}
      <Box component="code" sx={{ color: 'error.main' }}>
        {show(actual)}
      </Box>
      {', expected '}
      {expected.map((e, i) => (
        <Fragment key={i}>
          {i > 0 && ' or '}
          <Box component="code">{e.expected}</Box>
        </Fragment>
      ))}
      {notes.length ? ` — ${notes.join('; ')}` : ''}
    </Typography>
  );
}

function Source(props: { e: Evidence; freshness?: FreshnessBySource }) {
  return (
    <Typography variant="caption" color="text.secondary" component="div">
      {sourceText(props.e, props.freshness?.get(props.e.source))}
    </Typography>
  );
}

function Entry(props: { group: Evidence[]; freshness?: FreshnessBySource }) {
  const { group, freshness } = props;
  if (sameFact(group)) {
    return (
      <>
        <Subject e={group[0]} />
        <Finding actual={group[0].actual} expected={group} />
        <Source e={group[0]} freshness={freshness} />
      </>
    );
  }
  return (
    <>
      {group.map((e, i) => (
        <Fragment key={i}>
          {i > 0 && (
            <Typography
              variant="overline"
              component="div"
              color="text.secondary"
            >
              or
            </Typography>
          )}
          <Subject e={e} />
          <Finding actual={e.actual} expected={[e]} />
          <Source e={e} freshness={freshness} />
        </Fragment>
      ))}
    </>
  );
}

/**
 * The evidence of one check: which resource and attribute, what was found against what the
 * policy expects, and where it was read and how fresh that is. Alternatives of one rule
 * (`anyOf`) are one entry joined by "or". Long lists are cut at `limit` entries.
 */
export function EvidenceList(props: {
  evidence: Evidence[];
  freshness?: FreshnessBySource;
  limit?: number;
}) {
  const { evidence, freshness, limit = 10 } = props;
  const groups = groupAlternatives(evidence);
  return (
    <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0 }}>
      {groups.slice(0, limit).map((group, i) => (
        <Box
          component="li"
          key={`${group[0].address}:${group[0].attribute}:${i}`}
          sx={{ py: 0.5 }}
        >
          <Entry group={group} freshness={freshness} />
        </Box>
      ))}
      {groups.length > limit && (
        <Typography component="li" variant="caption">
          {`… and ${groups.length - limit} more`}
        </Typography>
      )}
    </Box>
  );
}
