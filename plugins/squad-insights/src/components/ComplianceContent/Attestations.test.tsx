import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type {
  AttestationResponse,
  AttestationsResponse,
  CheckResult,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import { ComplianceContent } from './ComplianceContent';
import { footprintAnswer } from '../../__testUtils__/footprintAnswer';
import { compliance, newerReview, STATE } from './__testUtils__/fixtures';
import {
  ENTITY,
  errorBody,
  renderWithBackend,
} from './__testUtils__/renderWithBackend';
import { localDay } from './time';

const server = setupServer();
registerMswTestHooks(server);

const CREATE = 'squad-insights.compliance.attestation.create';
const REVOKE = 'squad-insights.compliance.attestation.revoke';
const NOW = new Date('2026-11-26T09:30:00Z');
const DAY = 86_400_000;

// As the engine reports attested checks: awaiting, attested (pass) and lapsed (fail).
const erasure: CheckResult = {
  checkId: 'gdpr.erasure',
  title: 'Personal data can be erased on request',
  severity: 'high',
  status: 'unknown',
  reason: 'awaiting attestation by a reviewer',
  attested: true,
  frameworks: ['GDPR'],
  controls: ['GDPR/Art.17'],
  remediation: 'Have a reviewer attest the erasure procedure with evidence.',
  evidence: [],
};
const scaAttestation: AttestationResponse = {
  id: '0b6f5b7e-2d55-4c8a-9a43-6f0c2f6d1e10',
  entityRef: 'component:default/payment-processing',
  checkId: 'psd2.strong-customer-authentication',
  statement:
    'Card payments above 30 EUR go through 3-D Secure 2 with BankID step-up',
  evidenceUrl: 'https://wiki.acme-music.example/payments/psd2-sca',
  attestedBy: 'user:default/karin.nilsson',
  attestedAt: '2026-09-01T08:00:00.000Z',
  expiresAt: '2027-03-06T08:00:00.000Z',
  status: 'current',
};
const sca: CheckResult = {
  checkId: 'psd2.strong-customer-authentication',
  title: 'Payments require strong customer authentication',
  severity: 'critical',
  status: 'pass',
  attested: true,
  frameworks: ['PSD2'],
  controls: ['PSD2/Art.97'],
  remediation: 'Attest how strong customer authentication is enforced.',
  attestation: {
    attestedBy: scaAttestation.attestedBy,
    attestedAt: scaAttestation.attestedAt,
    expiresAt: scaAttestation.expiresAt,
    statement: scaAttestation.statement,
    evidenceUrl: scaAttestation.evidenceUrl,
  },
  evidence: [],
};
const portability: CheckResult = {
  checkId: 'gdpr.portability',
  title: 'Personal data can be exported on request',
  severity: 'medium',
  status: 'fail',
  reason: 'the last attestation expired on 2026-11-01',
  attested: true,
  frameworks: ['GDPR'],
  controls: ['GDPR/Art.20'],
  remediation: 'Attest the export procedure again.',
  attestation: {
    attestedBy: 'user:default/dpo',
    attestedAt: '2025-11-01T08:00:00.000Z',
    expiresAt: '2026-11-01T08:00:00.000Z',
    statement: 'Exports are produced by the takeout job',
  },
  evidence: [],
};
const policyChecks: AttestationsResponse['checks'] = [
  {
    checkId: 'gdpr.erasure',
    title: erasure.title,
    controls: erasure.controls,
    maxValidityDays: 365,
  },
  {
    checkId: 'gdpr.portability',
    title: portability.title,
    controls: portability.controls,
    maxValidityDays: 365,
  },
  {
    checkId: sca.checkId,
    title: sca.title,
    controls: sca.controls,
    maxValidityDays: 180,
  },
];

function backend(attestations: AttestationResponse[] = [scaAttestation]) {
  const state = {
    attestations,
    checks: [...compliance.checks, erasure, sca, portability],
    complianceReads: 0,
  };
  server.use(
    http.get(`${ENTITY}/compliance`, () => {
      state.complianceReads += 1;
      return HttpResponse.json({ ...compliance, checks: state.checks });
    }),
    http.get(`${ENTITY}/waivers`, () => HttpResponse.json({ items: [] })),
    http.get(`${ENTITY}/reviews`, () =>
      HttpResponse.json({ items: [newerReview] }),
    ),
    http.get(`${ENTITY}/footprint`, () =>
      HttpResponse.json(
        footprintAnswer({
          states: [{ reference: STATE, freshness: { stale: false } }],
        }),
      ),
    ),
    http.get(`${ENTITY}/attestations`, () =>
      HttpResponse.json({ items: state.attestations, checks: policyChecks }),
    ),
    http.get(`${ENTITY}/waiver-requests`, () =>
      HttpResponse.json({ items: [] }),
    ),
    http.get(`${ENTITY}/gate/decisions`, () =>
      HttpResponse.json({ items: [] }),
    ),
  );
  return state;
}

// Rendering a whole test app per case and typing into dialogs takes longer than jest's 5 s.
jest.setTimeout(40_000);

describe('ComplianceContent attestations', () => {
  beforeEach(() => {
    // Only the clock: msw and user-event need real timers.
    jest.useFakeTimers({
      now: NOW,
      doNotFake: [
        'setTimeout',
        'clearTimeout',
        'setInterval',
        'clearInterval',
        'setImmediate',
        'clearImmediate',
        'nextTick',
        'queueMicrotask',
        'requestAnimationFrame',
        'cancelAnimationFrame',
        'requestIdleCallback',
        'cancelIdleCallback',
        'performance',
        'hrtime',
      ],
    });
  });
  afterEach(() => jest.useRealTimers());

  it('shows attested checks as attested, awaiting or expired, with statement and evidence; no actions without permission', async () => {
    backend();
    await renderWithBackend(<ComplianceContent />);

    const art17 = await screen.findByRole('region', {
      name: 'Control GDPR/Art.17',
    });
    expect(within(art17).getByText('awaiting attestation')).toBeInTheDocument();
    expect(
      within(art17).getByText('awaiting attestation by a reviewer'),
    ).toBeInTheDocument();

    // Listed although it passes: who attested what, until when.
    const psd2 = screen.getByRole('region', { name: 'Control PSD2/Art.97' });
    expect(
      within(psd2).getByText('attested, expires in 99 days'),
    ).toBeInTheDocument();
    expect(
      within(psd2).getByText(
        'Attested by karin.nilsson on 2026-09-01, valid until 2027-03-06',
      ),
    ).toBeInTheDocument();
    expect(
      within(psd2).getByText(sca.attestation!.statement),
    ).toBeInTheDocument();
    expect(
      within(psd2).getByRole('link', { name: 'Evidence' }),
    ).toHaveAttribute('href', scaAttestation.evidenceUrl);

    const art20 = screen.getByRole('region', { name: 'Control GDPR/Art.20' });
    expect(within(art20).getByText('attestation expired')).toBeInTheDocument();
    expect(
      within(art20).getByText(
        'Attested by dpo on 2025-11-01, expired 2026-11-01',
      ),
    ).toBeInTheDocument();

    // The history card.
    expect(await screen.findByText('Current (1)')).toBeInTheDocument();
    expect(
      screen.getByText(
        'attested by karin.nilsson on 2026-09-01, until 2027-03-06',
      ),
    ).toBeInTheDocument();

    expect(
      screen.queryByRole('button', { name: /^Attest/ }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /Revoke/ }),
    ).not.toBeInTheDocument();
  });

  it('attests a control with statement, evidence link and an expiry bounded by the policy', async () => {
    const state = backend();
    const posted: Array<Record<string, string>> = [];
    server.use(
      http.post(`${ENTITY}/attestations`, async ({ request }) => {
        const body = (await request.json()) as Record<string, string>;
        posted.push(body);
        const made: AttestationResponse = {
          id: 'c3d9a2b4-1f0e-4d6a-8c1b-2a7e9f5d4c33',
          entityRef: 'component:default/payment-processing',
          checkId: body.checkId,
          statement: body.statement,
          evidenceUrl: body.evidenceUrl,
          expiresAt: body.expiresAt,
          attestedBy: 'user:default/karin.nilsson',
          attestedAt: NOW.toISOString(),
          status: 'current',
        };
        state.attestations = [made, ...state.attestations];
        state.checks = state.checks.map(c =>
          c.checkId === body.checkId
            ? { ...c, status: 'pass', reason: undefined, attestation: made }
            : c,
        );
        return HttpResponse.json(made);
      }),
    );
    await renderWithBackend(<ComplianceContent />, { allow: [CREATE] });

    // Only attested checks can be attested.
    expect(
      await screen.findByRole('button', { name: 'Attest gdpr.erasure' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Attest encryption.rds-storage' }),
    ).not.toBeInTheDocument();
    expect(
      screen.getByRole('button', {
        name: 'Attest psd2.strong-customer-authentication',
      }),
    ).toHaveTextContent('Attest again');

    await userEvent.click(
      screen.getByRole('button', { name: 'Attest gdpr.erasure' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Attest control',
    });
    const expiry = within(dialog).getByLabelText(/Valid until/);
    // Defaults to the longest the policy allows.
    expect(expiry).toHaveValue(localDay(new Date(NOW.getTime() + 365 * DAY)));

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Attest' }),
    );
    expect(
      within(dialog).getByText(/A statement is required/),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText(
        /Link the evidence with an http or https address/,
      ),
    ).toBeInTheDocument();
    await userEvent.type(
      within(dialog).getByLabelText(/Statement/),
      'The erase-user job deletes accounts within 30 days of a request.',
    );
    await userEvent.type(
      within(dialog).getByLabelText(/Evidence link/),
      'ftp://files.example/erasure.pdf',
    );
    expect(
      within(dialog).getByText(
        /Link the evidence with an http or https address/,
      ),
    ).toBeInTheDocument();
    fireEvent.change(expiry, {
      target: { value: localDay(new Date(NOW.getTime() + 400 * DAY)) },
    });
    expect(
      within(dialog).getByText(/An attestation may run at most 365 days/),
    ).toBeInTheDocument();
    fireEvent.change(expiry, {
      target: { value: localDay(new Date(NOW.getTime() + 365 * DAY)) },
    });
    await userEvent.clear(within(dialog).getByLabelText(/Evidence link/));
    await userEvent.type(
      within(dialog).getByLabelText(/Evidence link/),
      'https://wiki.acme-music.example/gdpr/erasure',
    );
    const readsBefore = state.complianceReads;
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Attest' }),
    );

    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(posted).toEqual([
      {
        checkId: 'gdpr.erasure',
        statement:
          'The erase-user job deletes accounts within 30 days of a request.',
        evidenceUrl: 'https://wiki.acme-music.example/gdpr/erasure',
        expiresAt: expect.any(String),
      },
    ]);
    // On the last allowed day, never past the policy's bound (the backend would refuse it).
    const expiresAt = Date.parse(posted[0].expiresAt);
    expect(expiresAt).toBeLessThanOrEqual(NOW.getTime() + 365 * DAY);
    expect(expiresAt).toBeGreaterThan(NOW.getTime() + 364 * DAY);
    // The tab reloads the verdict and the history.
    await waitFor(() =>
      expect(state.complianceReads).toBeGreaterThan(readsBefore),
    );
    const art17 = await screen.findByRole('region', {
      name: 'Control GDPR/Art.17',
    });
    expect(
      await within(art17).findByText('attested, expires in 365 days'),
    ).toBeInTheDocument();
    expect(await screen.findByText('Current (2)')).toBeInTheDocument();
  });

  it("shows the backend's refusal in the dialog, e.g. a self-attestation", async () => {
    backend();
    const message =
      'Separation of duties: user:default/maja.eriksson is a member of group:default/payments-squad, which owns component:default/payment-processing, and may not attest its controls';
    server.use(
      http.post(`${ENTITY}/attestations`, () =>
        HttpResponse.json(errorBody('NotAllowedError', message, 403), {
          status: 403,
        }),
      ),
    );
    await renderWithBackend(<ComplianceContent />, { allow: [CREATE] });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Attest gdpr.erasure' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Attest control',
    });
    await userEvent.type(
      within(dialog).getByLabelText(/Statement/),
      'We erase on request.',
    );
    await userEvent.type(
      within(dialog).getByLabelText(/Evidence link/),
      'https://wiki.acme-music.example/gdpr/erasure',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Attest' }),
    );

    expect(
      await within(dialog).findByText(`${message} (403)`),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('dialog', { name: 'Attest control' }),
    ).toBeInTheDocument();
  });

  it('revokes a current attestation for a user with the revoke permission', async () => {
    const state = backend();
    const reasons: unknown[] = [];
    server.use(
      http.post(
        `${ENTITY}/attestations/${scaAttestation.id}/revoke`,
        async ({ request }) => {
          reasons.push(await request.json());
          state.attestations = [
            {
              ...scaAttestation,
              status: 'revoked',
              revokedBy: 'user:default/auditor',
              revokedAt: NOW.toISOString(),
              revokeReason: 'BankID step-up was disabled',
            },
          ];
          return HttpResponse.json(state.attestations[0]);
        },
      ),
    );
    await renderWithBackend(<ComplianceContent />, { allow: [REVOKE] });
    // Revoking does not bring attesting with it.
    await screen.findByText('Current (1)');
    expect(
      screen.queryByRole('button', { name: /^Attest/ }),
    ).not.toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('button', {
        name: 'Revoke attestation of psd2.strong-customer-authentication',
      }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Revoke attestation',
    });
    await userEvent.type(
      within(dialog).getByLabelText('Reason'),
      'BankID step-up was disabled',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Revoke' }),
    );

    expect(await screen.findByText('Current (0)')).toBeInTheDocument();
    expect(reasons).toEqual([{ reason: 'BankID step-up was disabled' }]);
    expect(
      screen.getByText(
        'revoked by auditor on 2026-11-26: BankID step-up was disabled',
      ),
    ).toBeInTheDocument();
  });
});
