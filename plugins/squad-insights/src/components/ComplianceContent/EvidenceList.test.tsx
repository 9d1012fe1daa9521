import { renderInTestApp } from '@backstage/frontend-test-utils';
import type { Evidence } from '@squad-insights/backstage-plugin-squad-insights-common';
import { screen } from '@testing-library/react';
import { EvidenceList } from './EvidenceList';

const STATE = 'demo:payment-processing/terraform.tfstate';
const LOG_GROUP = 'module.database.aws_cloudwatch_log_group.postgresql';

// What logging.log-retention keeps when a log group fails both of its alternatives.
const retention = (expected: string, alternativeGroup?: number): Evidence => ({
  source: STATE,
  serial: 389,
  address: LOG_GROUP,
  attribute: 'retention_in_days',
  actual: 90,
  expected,
  ...(alternativeGroup === undefined ? {} : { alternativeGroup }),
});

const items = () => screen.getAllByRole('listitem').map(li => li.textContent);

describe('EvidenceList', () => {
  it('shows the alternatives of one rule on one value as one finding joined by "or"', async () => {
    await renderInTestApp(
      <EvidenceList
        evidence={[
          retention('>= 2557 (recordRetentionDays)', 1),
          retention('= 0', 1),
        ]}
      />,
    );
    expect(items()).toEqual([
      `${LOG_GROUP} · retention_in_days` +
        'actual 90, expected >= 2557 (recordRetentionDays) or = 0' +
        `${STATE} serial 389`,
    ]);
  });

  it('keeps requirements that all apply apart, and alternatives on different resources in one entry', async () => {
    const bucket: Evidence = {
      source: STATE,
      serial: 389,
      address: 'module.storage.aws_s3_bucket.data',
      attribute: 'logging[0].target_bucket',
      actual: '',
      expected: 'non-empty',
      alternativeGroup: 2,
    };
    const linked: Evidence = {
      ...bucket,
      address: 'module.storage.aws_s3_bucket_logging.data',
      attribute: '',
      actual: undefined,
      expected: 'a linked aws_s3_bucket_logging',
    };
    await renderInTestApp(
      <EvidenceList
        evidence={[
          retention('>= 2557 (recordRetentionDays)'),
          retention('= 0'),
          bucket,
          linked,
        ]}
      />,
    );
    const shown = items();
    expect(shown).toHaveLength(3);
    expect(shown[0]).toContain('expected >= 2557 (recordRetentionDays)');
    expect(shown[0]).not.toContain(' or ');
    expect(shown[1]).toContain('expected = 0');
    expect(shown[2]).toMatch(
      /aws_s3_bucket\.data.*expected non-empty.*or.*aws_s3_bucket_logging\.data/,
    );
  });

  it('cuts a long list at the limit, counting an entry of alternatives once', async () => {
    const evidence = [1, 2, 3].flatMap(g => [
      retention('>= 2557', g),
      retention('= 0', g),
    ]);
    await renderInTestApp(<EvidenceList evidence={evidence} limit={2} />);
    expect(items()).toHaveLength(3);
    expect(screen.getByText('… and 1 more')).toBeInTheDocument();
  });
});
