import { useApi } from '@backstage/core-plugin-api';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import type { PortfolioQuery } from '@squad-insights/backstage-plugin-squad-insights-common';
import { memo, useState } from 'react';
import { squadInsightsApiRef } from '../../api';
import {
  csvFileName,
  downloadCsv,
  entityTitles,
  errorMessage,
  useEntityPresentationApi,
} from '../common';
import { fetchAllRows, groupRefs, portfolioCsv } from './portfolioCsv';

/**
 * Downloads every row of the current view (all pages, not just this one) as CSV. Memoised:
 * the page renders on every answer, the button only when its query changes.
 */
export const DownloadCsvButton = memo(function CsvButton(props: {
  query: PortfolioQuery;
  disabled?: boolean;
}) {
  const { query, disabled } = props;
  const api = useApi(squadInsightsApiRef);
  const presentation = useEntityPresentationApi();
  const [progress, setProgress] = useState<string>();
  const [error, setError] = useState<Error>();

  async function download() {
    setError(undefined);
    setProgress('Preparing CSV…');
    try {
      const rows = await fetchAllRows(
        q => api.getPortfolio(q),
        query,
        (fetched, total) =>
          setProgress(`Preparing CSV (${fetched} of ${total})…`),
      );
      // A few dozen squads and tribes at most, resolved once each (and cached by the API).
      const titles = await entityTitles(groupRefs(rows), presentation);
      downloadCsv(csvFileName('compliance-review'), portfolioCsv(rows, titles));
    } catch (e) {
      setError(e as Error);
    } finally {
      setProgress(undefined);
    }
  }

  return (
    <Stack direction="row" spacing={1} alignItems="center">
      <Button
        variant="outlined"
        onClick={download}
        disabled={disabled || progress !== undefined}
      >
        {progress ?? 'Download CSV'}
      </Button>
      {error && (
        <Alert severity="error" onClose={() => setError(undefined)}>
          {`The CSV could not be built: ${errorMessage(error)}`}
        </Alert>
      )}
    </Stack>
  );
});
