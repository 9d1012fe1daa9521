import Stack from '@mui/material/Stack';
import type { PortfolioResponse } from '@squad-insights/backstage-plugin-squad-insights-common';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { shortRef } from '../common';
import {
  FILTER_FIELD,
  FILTER_SELECT,
  portfolioFilterStyles,
} from './portfolioFilterStyles';
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
 * A labelled native select, plain markup styled once on the bar (portfolioFilterStyles.ts):
 * keyboard and screen-reader behaviour come from the browser, and a value from a shared link
 * that is not among today's options is still shown. Memoised, with
 * options and handler kept equal from render to render, so a change of one filter renders
 * only its own select again.
 */
const FilterSelect = memo(function NativeFilterSelect(props: {
  id: string;
  filter: PortfolioFilterKey;
  label: string;
  value?: string;
  anyLabel: string;
  options: readonly Option[];
  onChange: (key: PortfolioFilterKey, value: string) => void;
}) {
  const {
    id,
    filter,
    label,
    // The view the page shows, which runs ahead of the address (see `show` in the page).
    value = '',
    anyLabel,
    options,
    onChange,
  } = props;
  const all =
    value && !options.some(o => o.value === value)
      ? [{ value, label: value }, ...options]
      : options;
  return (
    <div className={`${FILTER_FIELD} ${FILTER_SELECT}`}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        onChange={e => onChange(filter, e.target.value)}
      >
        <option value="">{anyLabel}</option>
        {all.map(o => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
});

/** The options that do not depend on the portfolio, built once. */
const STATUS_OPTIONS: Option[] = STATUSES.map(s => ({ value: s, label: s }));
const EXPIRY_OPTIONS: Option[] = EXPIRY_WINDOWS.map(d => ({
  value: String(d),
  label: `within ${d} days`,
}));
const ATTESTATION_OPTIONS: Option[] = ATTESTATION_FILTERS.map(a => ({
  value: a,
  // "a control awaiting attestation" reads as an option without its article.
  label: ATTESTATION_FILTER_WORDS[a].replace(/^an? /, ''),
}));
const GATE_OPTIONS: Option[] = GATE_FILTERS.map(g => ({
  value: g,
  label: GATE_FILTER_WORDS[g],
}));

/**
 * Search as you type, written to the URL once typing pauses. The field follows the URL when
 * it changes from outside (back/forward), but not when it only echoes what was typed, so a
 * slow echo cannot eat the letters typed since.
 */
const SearchField = memo(function DebouncedSearchField(props: {
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
    <div className={FILTER_FIELD}>
      <label htmlFor="portfolio-search">Search</label>
      <input
        id="portfolio-search"
        type="search"
        placeholder="Service, squad or tribe"
        value={text}
        onChange={e => setText(e.target.value)}
      />
    </div>
  );
});

/**
 * The filter bar of the review page. Selects apply at once; search waits for a pause.
 * Memoised: an answer arriving leaves it alone unless the facets or their titles changed.
 */
export const PortfolioFilters = memo(function FilterBar(props: {
  view: PortfolioView;
  facets?: PortfolioResponse['facets'];
  /** Display names of the tribes, squads, chapters and guilds, by ref; a missing one shows as its ref. */
  groupTitles: ReadonlyMap<string, string>;
  /** Keep it the same function from render to render, or every select renders again. */
  onChange: (key: PortfolioFilterKey, value: string) => void;
}) {
  const { view, facets, groupTitles, onChange } = props;
  // Kept from render to render while the facets and titles are the same, so that the selects'
  // props stay equal.
  const options = useMemo(() => {
    const refOptions = (refs: string[] = []) =>
      refs.map(r => ({ value: r, label: groupTitles.get(r) ?? shortRef(r) }));
    return {
      tribes: refOptions(facets?.tribes),
      squads: refOptions(facets?.squads),
      chapters: refOptions(facets?.chapters),
      guilds: refOptions(facets?.guilds),
      frameworks: (facets?.frameworks ?? []).map(f => ({
        value: f.id,
        label: f.title,
      })),
    };
  }, [facets, groupTitles]);
  const onSearch = useCallback((v: string) => onChange('q', v), [onChange]);
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
      sx={portfolioFilterStyles}
    >
      <SearchField value={view.q} onChange={onSearch} />
      <FilterSelect
        id="portfolio-tribe"
        filter="tribe"
        label="Tribe"
        anyLabel="All tribes"
        value={view.tribe}
        options={options.tribes}
        onChange={onChange}
      />
      <FilterSelect
        id="portfolio-squad"
        filter="squad"
        label="Squad"
        anyLabel="All squads"
        value={view.squad}
        options={options.squads}
        onChange={onChange}
      />
      <FilterSelect
        id="portfolio-chapter"
        filter="chapter"
        label="Chapter"
        anyLabel="All chapters"
        value={view.chapter}
        options={options.chapters}
        onChange={onChange}
      />
      <FilterSelect
        id="portfolio-guild"
        filter="guild"
        label="Guild"
        anyLabel="All guilds"
        value={view.guild}
        options={options.guilds}
        onChange={onChange}
      />
      <FilterSelect
        id="portfolio-framework"
        filter="framework"
        label="Framework"
        anyLabel="All frameworks"
        value={view.framework}
        options={options.frameworks}
        onChange={onChange}
      />
      <FilterSelect
        id="portfolio-status"
        filter="status"
        label="Status"
        anyLabel="Any status"
        value={view.status}
        options={STATUS_OPTIONS}
        onChange={onChange}
      />
      <FilterSelect
        id="portfolio-expiring"
        filter="expiringWithinDays"
        label="Waivers expiring"
        anyLabel="Any time"
        value={view.expiringWithinDays?.toString()}
        options={EXPIRY_OPTIONS}
        onChange={onChange}
      />
      <FilterSelect
        id="portfolio-attestation"
        filter="attestation"
        label="Attestations"
        anyLabel="Any"
        value={view.attestation}
        options={ATTESTATION_OPTIONS}
        onChange={onChange}
      />
      <FilterSelect
        id="portfolio-last-gate"
        filter="lastGate"
        label="Last gate"
        anyLabel="Any"
        value={view.lastGate}
        options={GATE_OPTIONS}
        onChange={onChange}
      />
    </Stack>
  );
});
