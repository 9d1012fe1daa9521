import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

/**
 * One human decision about a check (a waiver, an attestation) in a history list: the check,
 * its state, what was said, who decided and when, and a revoke button while it applies and
 * the reader may revoke it.
 */
export function DecisionItem(props: {
  checkId: string;
  state: string;
  applies: boolean;
  text: ReactNode;
  caption: string;
  what: string;
  onRevoke?: () => void;
}) {
  const { checkId, state, applies, onRevoke } = props;
  return (
    <Box
      component="li"
      sx={{
        py: 1,
        borderBottom: 1,
        borderColor: 'divider',
        display: 'flex',
        gap: 1,
        alignItems: 'flex-start',
      }}
    >
      <Box sx={{ flex: 1 }}>
        <Box
          sx={{
            display: 'flex',
            gap: 1,
            alignItems: 'center',
            flexWrap: 'wrap',
          }}
        >
          <Typography
            variant="subtitle2"
            component="span"
            sx={{ fontFamily: 'monospace' }}
          >
            {checkId}
          </Typography>
          <Chip
            size="small"
            label={state}
            color={applies ? 'info' : 'default'}
            variant={applies ? 'filled' : 'outlined'}
          />
        </Box>
        <Typography variant="body2" component="div">
          {props.text}
        </Typography>
        <Typography variant="caption" color="text.secondary">
          {props.caption}
        </Typography>
      </Box>
      {onRevoke && applies && (
        <Button
          size="small"
          onClick={onRevoke}
          aria-label={`Revoke ${props.what} of ${checkId}`}
        >
          Revoke
        </Button>
      )}
    </Box>
  );
}

/**
 * Decisions that apply now (soonest expiry first), then expired and revoked ones for the
 * record, under the given headings.
 */
export function DecisionHistory<
  T extends { id: string; expiresAt: string },
>(props: {
  items: T[];
  applies: (item: T) => boolean;
  render: (item: T) => ReactNode;
  current: string;
  none: string;
  empty: string;
}) {
  const { items, applies, render } = props;
  if (items.length === 0)
    return <Typography variant="body2">{props.empty}</Typography>;
  const active = items
    .filter(applies)
    .sort((a, b) => a.expiresAt.localeCompare(b.expiresAt));
  const past = items.filter(i => !applies(i));
  const list = (shown: T[]) => (
    <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0 }}>
      {shown.map(render)}
    </Box>
  );
  return (
    <Box>
      <Typography
        variant="overline"
        component="h3"
      >{`${props.current} (${active.length})`}</Typography>
      {active.length === 0 ? (
        <Typography variant="body2">{props.none}</Typography>
      ) : (
        list(active)
      )}
      {past.length > 0 && (
        <>
          <Typography
            variant="overline"
            component="h3"
            sx={{ mt: 2, display: 'block' }}
          >
            {`Expired and revoked (${past.length})`}
          </Typography>
          {list(past)}
        </>
      )}
    </Box>
  );
}
