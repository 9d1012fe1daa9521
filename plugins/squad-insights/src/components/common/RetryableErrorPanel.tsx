import { ResponseErrorPanel } from '@backstage/core-components';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';

/**
 * Backstage's error panel (which shows the backend's message, not a stack trace, for a
 * `ResponseError`) with a Retry button, for data that a second attempt may well bring.
 *
 * @public
 */
export function RetryableErrorPanel(props: {
  error: Error;
  onRetry: () => void;
  title?: string;
}) {
  const { error, onRetry, title } = props;
  return (
    <Stack spacing={1} alignItems="flex-start">
      <ResponseErrorPanel error={error} title={title} />
      <Button variant="outlined" onClick={onRetry}>
        Retry
      </Button>
    </Stack>
  );
}
