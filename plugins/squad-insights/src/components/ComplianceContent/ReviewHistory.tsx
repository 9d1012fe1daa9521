import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import type { ReviewResponse } from '@squad-insights/backstage-plugin-squad-insights-common';
import { shortRef } from '../common';
import { when } from '../SustainabilityContent/format';

export const DECISION_LABEL = {
  approved: 'Approved',
  changes_requested: 'Changes requested',
} as const;

/** Recorded reviews, newest first; each opens the results its reviewer judged. */
export function ReviewHistory(props: {
  reviews: ReviewResponse[];
  onOpen: (r: ReviewResponse) => void;
}) {
  if (props.reviews.length === 0) {
    return (
      <Typography variant="body2">
        No review has been recorded for this service.
      </Typography>
    );
  }
  const newestFirst = [...props.reviews].sort((a, b) =>
    b.createdAt.localeCompare(a.createdAt),
  );
  return (
    <Box component="ol" sx={{ listStyle: 'none', m: 0, p: 0 }}>
      {newestFirst.map(r => (
        <Box
          component="li"
          key={r.id}
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
              <Chip
                size="small"
                label={DECISION_LABEL[r.decision]}
                color={r.decision === 'approved' ? 'success' : 'warning'}
              />
              <Typography variant="body2">{`${shortRef(r.reviewer)}, ${when(
                r.createdAt,
              )}`}</Typography>
            </Box>
            {r.comment && <Typography variant="body2">{r.comment}</Typography>}
          </Box>
          <Button
            size="small"
            onClick={() => props.onOpen(r)}
            aria-label={`Open the snapshot of the review of ${when(
              r.createdAt,
            )}`}
          >
            Snapshot
          </Button>
        </Box>
      ))}
    </Box>
  );
}
