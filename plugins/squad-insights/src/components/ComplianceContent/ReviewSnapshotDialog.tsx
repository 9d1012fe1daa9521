import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import type { ReviewResponse } from '@squad-insights/backstage-plugin-squad-insights-common';
import { shortRef } from '../common';
import { formatScore } from '../ServiceSummaryCard/complianceStatus';
import { when } from '../SustainabilityContent/format';
import { FrameworkScores } from './FrameworkScores';
import { DECISION_LABEL } from './ReviewHistory';

/** What the reviewer saw: scores per framework and the checks failing at the time. */
export function ReviewSnapshotDialog(props: {
  review: ReviewResponse;
  onClose: () => void;
}) {
  const { review, onClose } = props;
  const { snapshot } = review;
  const failing = snapshot.checks.filter(c => c.status === 'fail');
  return (
    <Dialog
      open
      onClose={onClose}
      aria-labelledby="review-snapshot-title"
      fullWidth
      maxWidth="md"
    >
      <DialogTitle id="review-snapshot-title">
        {`${DECISION_LABEL[review.decision]} by ${shortRef(
          review.reviewer,
        )}, ${when(review.createdAt)}`}
      </DialogTitle>
      <DialogContent>
        {review.comment && (
          <Typography variant="body2" paragraph>
            {review.comment}
          </Typography>
        )}
        <Typography variant="subtitle2" gutterBottom>
          {`Score at the time: ${formatScore(
            snapshot.score.score,
          )} (evaluated ${when(snapshot.evaluatedAt)}${
            snapshot.stale ? ', on stale facts' : ''
          })`}
        </Typography>
        <FrameworkScores frameworks={snapshot.frameworks} />
        <Typography variant="subtitle2" sx={{ mt: 2 }}>
          {`Failing checks at the time (${failing.length})`}
        </Typography>
        {failing.length === 0 ? (
          <Typography variant="body2">None.</Typography>
        ) : (
          <Box component="ul" sx={{ pl: 2, mt: 0.5 }}>
            {failing.map(c => (
              <li key={c.checkId}>
                <Typography variant="body2" component="span">
                  {`${c.title} `}
                </Typography>
                <Typography
                  variant="caption"
                  color="text.secondary"
                  component="span"
                >
                  {`${c.checkId} · ${c.severity}`}
                </Typography>
                {c.waiver && (
                  <Chip size="small" label="waived" sx={{ ml: 1 }} />
                )}
              </li>
            ))}
          </Box>
        )}
        {snapshot.bindings && snapshot.bindings.length > 0 && (
          <>
            <Typography variant="subtitle2" sx={{ mt: 2 }}>
              Evidence bound at the time
            </Typography>
            <Box component="ul" sx={{ pl: 2, mt: 0.5 }}>
              {snapshot.bindings.map(b => (
                <li key={`${b.annotation}=${b.value}`}>
                  <Typography variant="body2" component="span">
                    {`${b.value} `}
                  </Typography>
                  <Typography
                    variant="caption"
                    color="text.secondary"
                    component="span"
                  >
                    {b.allowed
                      ? `judged (${b.rule})`
                      : `binding refused, not judged: ${b.reason}`}
                  </Typography>
                </li>
              ))}
            </Box>
          </>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
