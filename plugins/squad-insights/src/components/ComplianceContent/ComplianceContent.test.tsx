import { screen } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import type { EntityComplianceResponse } from '@squad-insights/backstage-plugin-squad-insights-common';
import { SquadInsightsApi, squadInsightsApiRef } from '../../api';
import { ComplianceContent } from './ComplianceContent';

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'rights-ledger', namespace: 'default' },
  spec: { type: 'service', owner: 'group:default/rights-squad' },
};

const score = (s: number | null, failed: number) => ({
  score: s, passed: 25, failed, waived: 0, unknown: 0, notApplicable: 20,
});

const response = {
  entityRef: 'component:default/rights-ledger',
  evaluatedAt: '2026-11-26T00:00:00Z',
  stale: false,
  problems: [],
  policy: { name: 'squad-insights-default' },
  parameters: {},
  score: score(0.885, 2),
  frameworks: [
    { id: 'GDPR', title: 'GDPR', applies: false, reason: 'no personal data', score: score(null, 0) },
    { id: 'baseline', title: 'Baseline', applies: true, reason: 'all services', score: score(0.885, 2) },
  ],
  checks: [
    {
      checkId: 'encryption.rds-storage',
      title: 'RDS storage is encrypted',
      severity: 'critical',
      controls: ['encryption-at-rest'],
      frameworks: ['baseline'],
      status: 'fail',
      remediation: 'Set storage_encrypted = true with a customer-managed KMS key.',
      evidence: [
        {
          source: 'demo:rights-ledger/terraform.tfstate',
          address: 'module.database.aws_db_instance.this',
          attribute: 'storage_encrypted',
          actual: false,
          expected: '= true',
          serial: 12,
        },
      ],
    },
    { checkId: 'kms.rotation', title: 'KMS keys rotate', severity: 'high', controls: [], frameworks: ['baseline'], status: 'pass', remediation: '', evidence: [] },
  ],
} as unknown as EntityComplianceResponse;

describe('ComplianceContent', () => {
  it('shows scores per framework and the failing check with its evidence', async () => {
    const getCompliance = jest.fn().mockResolvedValue(response);
    await renderInTestApp(
      <TestApiProvider apis={[[squadInsightsApiRef, { getCompliance } as unknown as SquadInsightsApi]]}>
        <EntityProvider entity={entity}>
          <ComplianceContent />
        </EntityProvider>
      </TestApiProvider>,
    );
    expect(await screen.findByText('Compliance score 89 %')).toBeInTheDocument();
    expect(screen.getByText('GDPR: not applicable')).toBeInTheDocument();
    expect(screen.getByText('RDS storage is encrypted')).toBeInTheDocument();
    expect(screen.getByText(/module\.database\.aws_db_instance\.this storage_encrypted: false/)).toBeInTheDocument();
    // Passing checks are counted, not listed.
    expect(screen.queryByText('KMS keys rotate')).not.toBeInTheDocument();
  });
});
