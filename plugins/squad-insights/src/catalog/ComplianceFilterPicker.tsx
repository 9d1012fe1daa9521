import { useApi } from '@backstage/core-plugin-api';
import {
  DefaultEntityFilters,
  useEntityList,
} from '@backstage/plugin-catalog-react';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { PortfolioStatus } from '@squad-insights/backstage-plugin-squad-insights-common';
import { ChangeEvent, useEffect, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { squadInsightsApiRef } from '../api';
import { errorMessage, useEntityTitles } from '../components/common';
import {
  ComplianceEntityFilter,
  ComplianceSelection,
  isEmptySelection,
  selectionFromQuery,
} from './ComplianceEntityFilter';
import { matchingEntityRefs } from './matchingEntityRefs';

/**
 * The key of the filter in the catalog's filters and in the URL (`filters[squadInsights]`).
 *
 * @public
 */
export const COMPLIANCE_FILTER_KEY = 'squadInsights';

type Filters = DefaultEntityFilters & {
  [COMPLIANCE_FILTER_KEY]?: ComplianceEntityFilter;
};

const STATUSES: Array<{ value: PortfolioStatus; label: string }> = [
  { value: 'failing', label: 'Failing' },
  { value: 'unknown', label: 'Unknown' },
  { value: 'compliant', label: 'Compliant' },
];

type Option = { value: string; label: string };

/** A labelled native select, like the review page's: keyboard and screen readers for free. */
function Select(props: {
  id: string;
  label: string;
  anyLabel: string;
  value?: string;
  options: Option[];
  onChange: (value: string | undefined) => void;
}) {
  const { id, label, anyLabel, value = '', options, onChange } = props;
  // A value from a shared link that is not among today's options is still shown.
  const all =
    value && !options.some(o => o.value === value)
      ? [{ value, label: value }, ...options]
      : options;
  return (
    <TextField
      id={id}
      select
      size="small"
      fullWidth
      label={label}
      value={value}
      onChange={(e: ChangeEvent<HTMLInputElement>) =>
        onChange(e.target.value || undefined)
      }
      SelectProps={{ native: true }}
      InputLabelProps={{ shrink: true }}
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
 * Catalog filters on compliance: status, framework and tribe, combinable with each other and
 * with the catalog's own filters ("my tribe's failing PCI DSS services"). Shown while the
 * catalog lists components, the only kind the portfolio holds.
 *
 * @public
 */
export function ComplianceFilterPicker() {
  const api = useApi(squadInsightsApiRef);
  const { filters, updateFilters, queryParameters } = useEntityList<Filters>();
  const [selection, setSelection] = useState<ComplianceSelection>(() =>
    selectionFromQuery(queryParameters[COMPLIANCE_FILTER_KEY]),
  );
  const kind = filters.kind?.value?.toLocaleLowerCase('en');
  const applies = !kind || kind === 'component';
  const active = applies && !isEmptySelection(selection);

  const options = useAsync(() => api.getPortfolio({ limit: 1 }), [api]);
  const tribeTitles = useEntityTitles(options.value?.facets.tribes);
  const matching = useAsync(async () => {
    if (!active) return undefined;
    try {
      const refs = await matchingEntityRefs(api, selection);
      return { filter: new ComplianceEntityFilter(selection, refs) };
    } catch (e) {
      // Never show the unfiltered catalog as if it were filtered: match nothing, say why.
      const error = e instanceof Error ? e : new Error(String(e));
      return { filter: new ComplianceEntityFilter(selection, []), error };
    }
  }, [api, active, selection]);

  useEffect(() => {
    if (!active) updateFilters({ [COMPLIANCE_FILTER_KEY]: undefined });
    else if (matching.value)
      updateFilters({ [COMPLIANCE_FILTER_KEY]: matching.value.filter });
  }, [active, matching.value, updateFilters]);

  if (!applies) return null;
  const set =
    (part: keyof ComplianceSelection) => (value: string | undefined) =>
      setSelection(previous => ({ ...previous, [part]: value }));
  const failure = active ? matching.value?.error : undefined;
  return (
    <Stack spacing={2} sx={{ mt: 1, mb: 2 }}>
      <Select
        id="squad-insights-compliance-status"
        label="Compliance status"
        anyLabel="Any status"
        value={selection.status}
        options={STATUSES}
        onChange={set('status')}
      />
      <Select
        id="squad-insights-compliance-framework"
        label="Compliance framework"
        anyLabel="Any framework"
        value={selection.framework}
        options={(options.value?.facets.frameworks ?? []).map(f => ({
          value: f.id,
          label: f.title,
        }))}
        onChange={set('framework')}
      />
      <Select
        id="squad-insights-tribe"
        label="Tribe"
        anyLabel="Any tribe"
        value={selection.tribe}
        options={(options.value?.facets.tribes ?? []).map(ref => ({
          value: ref,
          label: tribeTitles.get(ref) ?? ref,
        }))}
        onChange={set('tribe')}
      />
      {active && matching.loading && (
        <Typography variant="caption" color="text.secondary" role="status">
          Finding matching services…
        </Typography>
      )}
      {options.error && (
        <Typography variant="caption" color="error" role="alert">
          {`Compliance filter options could not be loaded: ${errorMessage(
            options.error,
          )}`}
        </Typography>
      )}
      {failure && (
        <Typography variant="caption" color="error" role="alert">
          {`The compliance filter could not be applied, so nothing matches: ${errorMessage(
            failure,
          )}`}
        </Typography>
      )}
    </Stack>
  );
}
