import InputAdornment from '@mui/material/InputAdornment';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import type { PortfolioResponse } from '@squad-insights/backstage-plugin-squad-insights-common';
import { ChangeEvent, useEffect, useRef, useState } from 'react';
import { shortRef } from '../common';
import {
  ATTESTATION_FILTERS,
  ATTESTATION_FILTER_WORDS,
  EXPIRY_WINDOWS,
  GATE_FILTERS,
  GATE_FILTER_WORDS,
  PortfolioFilterKey,
  PortfolioView,
  STATUSES,
} from './portfolioView';

/** Long enough to wait out a typed word, short enough to feel live. */
export const SEARCH_DEBOUNCE_MS = 250;

type Option = { value: string; label: string };

/**
 * A labelled native select: keyboard and screen-reader behaviour come from the browser, and
 * a value from a shared link that is not among today's options is still shown.
 */
function FilterSelect(props: {
  id: string;
  label: string;
  value?: string;
  anyLabel: string;
  options: Option[];
  onChange: (value: string) => void;
}) {
  const { id, label, value = '', anyLabel, options, onChange } = props;
  const all =
    value && !options.some(o => o.value === value)
      ? [{ value, label: value }, ...options]
      : options;
  return (
    <TextField
      id={id}
      select
      size="small"
      label={label}
      value={value}
      onChange={(e: ChangeEvent<HTMLInputElement>) => onChange(e.target.value)}
      SelectProps={{ native: true }}
      InputLabelProps={{ shrink: true }}
      sx={{ minWidth: 160 }}
    >
      <option value="">{anyLabel}</option>
      {all.map(o => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </TextField>
  );
}

/**
 * Search as you type, written to the URL once typing pauses. The field follows the URL when
 * it changes from outside (back/forward), but not when it only echoes what was typed, so a
 * slow echo cannot eat the letters typed since.
 */
function SearchField(props: {
  value?: string;
  onChange: (value: string) => void;
}) {
  const { value = '', onChange } = props;
  const [text, setText] = useState(value);
  const written = useRef(value);
  // Held in a ref so a re-render of the page (an answer arriving) does not restart the wait.
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  useEffect(() => {
    if (value !== written.current) {
      written.current = value;
      setText(value);
    }
  }, [value]);
  useEffect(() => {
    if (text.trim() === written.current) return undefined;
    const timer = setTimeout(() => {
      written.current = text.trim();
      onChangeRef.current(text.trim());
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);
  return (
    <TextField
      id="portfolio-search"
      size="small"
      type="search"
      label="Search"
      placeholder="Service, squad or tribe"
      value={text}
      onChange={e => setText(e.target.value)}
      InputLabelProps={{ shrink: true }}
      InputProps={{
        startAdornment: <InputAdornment position="start">⌕</InputAdornment>,
      }}
      sx={{ minWidth: 240 }}
    />
  );
}

/** The filter bar of the review page. Selects apply at once; search waits for a pause. */
export function PortfolioFilters(props: {
  view: PortfolioView;
  facets?: PortfolioResponse['facets'];
  /** Display names of the tribes, squads, chapters and guilds, by ref; a missing one shows as its ref. */
  groupTitles: ReadonlyMap<string, string>;
  onChange: (key: PortfolioFilterKey, value: string) => void;
}) {
  const { view, facets, groupTitles, onChange } = props;
  const refOptions = (refs: string[] = []) =>
    refs.map(r => ({ value: r, label: groupTitles.get(r) ?? shortRef(r) }));
  return (
    <Stack
      direction="row"
      spacing={2}
      useFlexGap
      flexWrap="wrap"
      alignItems="center"
      component="form"
      role="search"
      aria-label="Filter the portfolio"
      onSubmit={e => e.preventDefault()}
    >
      <SearchField value={view.q} onChange={v => onChange('q', v)} />
      <FilterSelect
        id="portfolio-tribe"
        label="Tribe"
        anyLabel="All tribes"
        value={view.tribe}
        options={refOptions(facets?.tribes)}
        onChange={v => onChange('tribe', v)}
      />
      <FilterSelect
        id="portfolio-squad"
        label="Squad"
        anyLabel="All squads"
        value={view.squad}
        options={refOptions(facets?.squads)}
        onChange={v => onChange('squad', v)}
      />
      <FilterSelect
        id="portfolio-chapter"
        label="Chapter"
        anyLabel="All chapters"
        value={view.chapter}
        options={refOptions(facets?.chapters)}
        onChange={v => onChange('chapter', v)}
      />
      <FilterSelect
        id="portfolio-guild"
        label="Guild"
        anyLabel="All guilds"
        value={view.guild}
        options={refOptions(facets?.guilds)}
        onChange={v => onChange('guild', v)}
      />
      <FilterSelect
        id="portfolio-framework"
        label="Framework"
        anyLabel="All frameworks"
        value={view.framework}
        options={(facets?.frameworks ?? []).map(f => ({
          value: f.id,
          label: f.title,
        }))}
        onChange={v => onChange('framework', v)}
      />
      <FilterSelect
        id="portfolio-status"
        label="Status"
        anyLabel="Any status"
        value={view.status}
        options={STATUSES.map(s => ({ value: s, label: s }))}
        onChange={v => onChange('status', v)}
      />
      <FilterSelect
        id="portfolio-expiring"
        label="Waivers expiring"
        anyLabel="Any time"
        value={view.expiringWithinDays?.toString()}
        options={EXPIRY_WINDOWS.map(d => ({
          value: String(d),
          label: `within ${d} days`,
        }))}
        onChange={v => onChange('expiringWithinDays', v)}
      />
      <FilterSelect
        id="portfolio-attestation"
        label="Attestations"
        anyLabel="Any"
        value={view.attestation}
        options={ATTESTATION_FILTERS.map(a => ({
          value: a,
          // "a control awaiting attestation" reads as an option without its article.
          label: ATTESTATION_FILTER_WORDS[a].replace(/^an? /, ''),
        }))}
        onChange={v => onChange('attestation', v)}
      />
      <FilterSelect
        id="portfolio-last-gate"
        label="Last gate"
        anyLabel="Any"
        value={view.lastGate}
        options={GATE_FILTERS.map(g => ({
          value: g,
          label: GATE_FILTER_WORDS[g],
        }))}
        onChange={v => onChange('lastGate', v)}
      />
    </Stack>
  );
}
