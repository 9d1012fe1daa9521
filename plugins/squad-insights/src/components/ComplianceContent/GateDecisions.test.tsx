import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { GateDecisionResponse } from '@squad-insights/backstage-plugin-squad-insights-common';
import { ComplianceContent } from './ComplianceContent';
import { footprintAnswer } from '../../__testUtils__/footprintAnswer';
import {
  activeWaiver,
  compliance,
  newerReview,
} from './__testUtils__/fixtures';
import {
  ENTITY,
  errorBody,
  renderWithBackend,
} from './__testUtils__/renderWithBackend';

const server = setupServer();
registerMswTestHooks(server);

const WAIVE = 'squad-insights.compliance.waiver.manage';

// As GateService answers (GateDecision in the backend's openapi.yaml), newest first.
const denied: GateDecisionResponse = {
  id: 'd-denied',
  entityRef: 'component:default/payment-processing',
  environment: 'production',
  commit: 'a1b2c3d4e5f60718293a',
  allowed: false,
  caller: 'external:payments-pipeline',
  createdAt: '2026-11-26T08:00:00.000Z',
  reasons: [
    {
      code: 'check-failing',
      blocking: true,
      checkId: 'logging.log-retention',
      severity: 'high',
      frameworks: ['PCI_DSS'],
      message:
        'logging.log-retention (high) fails without a waiver: Log groups keep logs for the record-keeping period',
    },
    {
      code: 'review-missing',
      blocking: true,
      message: 'no approved compliance review; one is needed every 365 days',
    },
  ],
  overrides: [],
};
const allowed: GateDecisionResponse = {
  ...denied,
  id: 'd-allowed',
  allowed: true,
  createdAt: '2026-11-26T09:00:00.000Z',
  reasons: [
    {
      code: 'check-waived',
      blocking: false,
      checkId: 'logging.log-retention',
      severity: 'high',
      message:
        'logging.log-retention (high) fails, waived until 2027-01-25T00:00:00.000Z',
    },
  ],
};

function backend(decisions: GateDecisionResponse[]) {
  server.use(
    http.get(`${ENTITY}/compliance`, () => HttpResponse.json(compliance)),
    http.get(`${ENTITY}/waivers`, () =>
      HttpResponse.json({ items: [activeWaiver] }),
    ),
    http.get(`${ENTITY}/reviews`, () =>
      HttpResponse.json({ items: [newerReview] }),
    ),
    http.get(`${ENTITY}/footprint`, () => HttpResponse.json(footprintAnswer())),
    http.get(`${ENTITY}/attestations`, () =>
      HttpResponse.json({ items: [], checks: [] }),
    ),
    http.get(`${ENTITY}/waiver-requests`, () =>
      HttpResponse.json({ items: [] }),
    ),
    http.get(`${ENTITY}/gate/decisions`, () =>
      HttpResponse.json({ items: decisions }),
    ),
  );
}

jest.setTimeout(20_000);

const decision = (id: string) =>
  screen.findByRole('listitem', { name: `Gate decision ${id}` });

describe('the deployment gate card', () => {
  it('lists who asked, when, for which commit, allowed or denied and why', async () => {
    backend([allowed, denied]);
    await renderWithBackend(<ComplianceContent />);
    const first = await decision('d-allowed');
    expect(within(first).getByText('Allowed')).toBeInTheDocument();
    expect(
      within(first).getByText(
        /^production, commit a1b2c3d4e5f6, asked by payments-pipeline, 2026-11-26/,
      ),
    ).toBeInTheDocument();
    const second = await decision('d-denied');
    expect(within(second).getByText('Denied')).toBeInTheDocument();
    expect(
      within(second).getByText(
        /logging.log-retention \(high\) fails without a waiver/,
      ),
    ).toBeInTheDocument();
    expect(
      within(second).getByText(/no approved compliance review/),
    ).toBeInTheDocument();
    // Without the waiver permission there is no break-glass.
    expect(
      screen.queryByRole('button', { name: 'Break-glass override' }),
    ).not.toBeInTheDocument();
  });

  it('lets a reviewer override a denied decision with a reason, shows the refusal, then the override', async () => {
    let decisions = [denied];
    backend([]);
    const sent: unknown[] = [];
    server.use(
      http.get(`${ENTITY}/gate/decisions`, () =>
        HttpResponse.json({ items: decisions }),
      ),
      http.post(
        `${ENTITY}/gate/decisions/d-denied/override`,
        async ({ request }) => {
          const body = (await request.json()) as {
            reason: string;
            expiresInHours: number;
          };
          sent.push(body);
          if (sent.length === 1) {
            return HttpResponse.json(
              errorBody(
                'NotAllowedError',
                'Separation of duties: you own it',
                403,
              ),
              { status: 403 },
            );
          }
          const override = {
            id: 'o-1',
            decisionId: 'd-denied',
            entityRef: denied.entityRef,
            environment: 'production',
            commit: denied.commit,
            reason: body.reason,
            grantedBy: 'user:default/karin.nilsson',
            grantedAt: '2026-11-26T09:10:00.000Z',
            expiresAt: '2026-11-26T11:10:00.000Z',
            status: 'usable' as const,
          };
          decisions = [{ ...denied, overrides: [override] }];
          return HttpResponse.json(override);
        },
      ),
    );
    await renderWithBackend(<ComplianceContent />, { allow: [WAIVE] });
    await userEvent.click(
      within(await decision('d-denied')).getByRole('button', {
        name: 'Break-glass override',
      }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Break-glass override',
    });
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Override' }),
    );
    expect(
      within(dialog).getByText('Say why the deploy may go ahead'),
    ).toBeInTheDocument();
    expect(sent).toEqual([]);

    await userEvent.type(
      within(dialog).getByRole('textbox', { name: 'Reason' }),
      'Incident 4711',
    );
    await userEvent.clear(
      within(dialog).getByRole('spinbutton', { name: 'Usable for (hours)' }),
    );
    await userEvent.type(
      within(dialog).getByRole('spinbutton', { name: 'Usable for (hours)' }),
      '2',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Override' }),
    );
    expect(
      await within(dialog).findByText('Separation of duties: you own it (403)'),
    ).toBeInTheDocument();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Override' }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(sent).toEqual([
      { reason: 'Incident 4711', expiresInHours: 2 },
      { reason: 'Incident 4711', expiresInHours: 2 },
    ]);
    expect(
      await within(await decision('d-denied')).findByText(
        /^Override by karin.nilsson, .*: Incident 4711 \(usable, until/,
      ),
    ).toBeInTheDocument();
  });
});
