import { InfoCard, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Alert from '@mui/material/Alert';
import Chip from '@mui/material/Chip';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import useAsync from 'react-use/esm/useAsync';
import { squadInsightsApiRef } from '../../api';
import { CheckList } from './CheckList';

const pct = (score: number | null) => (score === null ? 'n/a' : `${Math.round(score * 100)} %`);

/**
 * The compliance tab: which frameworks apply and why, their scores, and every check that
 * failed or could not be judged, with its evidence and remediation. Passing checks are
 * counted, not listed, so reviewers see what needs attention first.
 *
 * @public
 */
export function ComplianceContent() {
  const { entity } = useEntity();
  const api = useApi(squadInsightsApiRef);
  const { value, loading, error } = useAsync(
    () => api.getCompliance(getCompoundEntityRef(entity)),
    [api, entity],
  );
  if (loading) return <Progress />;
  if (error || !value) return <ResponseErrorPanel error={error ?? new Error('No answer')} />;

  const attention = value.checks.filter(c => c.status === 'fail' || c.status === 'unknown');
  return (
    <Grid container spacing={2}>
      {value.stale && (
        <Grid item xs={12}>
          <Alert severity="warning">
            Judged on stale facts; checks that depend on them are reported as unknown.
          </Alert>
        </Grid>
      )}
      {value.problems.map(p => (
        <Grid item xs={12} key={p}>
          <Alert severity="info">{p}</Alert>
        </Grid>
      ))}
      <Grid item xs={12}>
        <InfoCard
          title={`Compliance score ${pct(value.score.score)}`}
          subheader={`${value.score.passed} passed, ${value.score.failed} failed, ${value.score.waived} waived, ${value.score.unknown} unknown — policy ${value.policy.name}`}
        >
          <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap">
            {value.frameworks.map(f => (
              <Chip
                key={f.id}
                title={f.reason}
                color={!f.applies ? 'default' : f.score.failed > 0 ? 'error' : 'success'}
                variant={f.applies ? 'filled' : 'outlined'}
                label={`${f.title}: ${f.applies ? pct(f.score.score) : 'not applicable'}`}
              />
            ))}
          </Stack>
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard title="Needs attention">
          <CheckList checks={attention} />
        </InfoCard>
      </Grid>
    </Grid>
  );
}
