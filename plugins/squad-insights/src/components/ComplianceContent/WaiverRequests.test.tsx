import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import {
  AuthorizeResult,
  EvaluatePermissionRequest,
} from '@backstage/plugin-permission-common';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { WaiverRequestResponse } from '@squad-insights/backstage-plugin-squad-insights-common';
import { ComplianceContent } from './ComplianceContent';
import { footprintAnswer } from '../../__testUtils__/footprintAnswer';
import { compliance } from './__testUtils__/fixtures';
import { ENTITY, renderWithBackend } from './__testUtils__/renderWithBackend';

const server = setupServer();
registerMswTestHooks(server);

const SERVICE = 'component:default/payment-processing';
const REQUEST = 'squad-insights.compliance.waiver.request';
const WAIVE = 'squad-insights.compliance.waiver.manage';

const open: WaiverRequestResponse = {
  id: '9a1c7e52-3f0b-4d6e-8a21-5b4c3d2e1f00',
  entityRef: SERVICE,
  checkId: 'encryption.rds-storage',
  justification: 'Aurora re-encryption scheduled for the January window.',
  expiresAt: '2027-01-31T22:59:59.999Z',
  requestedBy: 'user:default/maja.eriksson',
  requestedAt: '2026-11-25T10:00:00.000Z',
  status: 'requested',
};

/** Allows the named permissions only when asked about this service, as a conditional policy would. */
const forService =
  (...names: string[]) =>
  (request: EvaluatePermissionRequest) =>
    names.includes(request.permission.name) && request.resourceRef === SERVICE
      ? AuthorizeResult.ALLOW
      : AuthorizeResult.DENY;

function backend(requests: WaiverRequestResponse[]) {
  server.use(
    http.get(`${ENTITY}/compliance`, () => HttpResponse.json(compliance)),
    http.get(`${ENTITY}/waivers`, () => HttpResponse.json({ items: [] })),
    http.get(`${ENTITY}/reviews`, () => HttpResponse.json({ items: [] })),
    http.get(`${ENTITY}/footprint`, () => HttpResponse.json(footprintAnswer())),
    http.get(`${ENTITY}/attestations`, () =>
      HttpResponse.json({ items: [], checks: [] }),
    ),
    http.get(`${ENTITY}/waiver-requests`, () =>
      HttpResponse.json({ items: requests }),
    ),
    http.get(`${ENTITY}/gate/decisions`, () =>
      HttpResponse.json({ items: [] }),
    ),
  );
}

// Rendering a whole test app per case and typing into dialogs takes longer than jest's 5 s.
jest.setTimeout(20_000);

describe('waiver requests', () => {
  it('lets a squad engineer request a waiver, not grant one', async () => {
    const requests: WaiverRequestResponse[] = [];
    const posted: unknown[] = [];
    backend(requests);
    server.use(
      http.post(`${ENTITY}/waiver-requests`, async ({ request }) => {
        const body = (await request.json()) as {
          checkId: string;
          justification: string;
          expiresAt: string;
        };
        posted.push(body);
        const stored = { ...open, ...body };
        requests.push(stored);
        return HttpResponse.json(stored);
      }),
    );
    await renderWithBackend(<ComplianceContent />, {
      authorize: forService(REQUEST),
    });

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Request waiver for encryption.rds-storage',
      }),
    );
    expect(
      screen.queryByRole('button', { name: /Grant waiver/ }),
    ).not.toBeInTheDocument();
    const dialog = await screen.findByRole('dialog', {
      name: 'Request waiver',
    });
    await userEvent.type(
      within(dialog).getByLabelText(/Justification/),
      'Re-encryption in January.',
    );
    fireEvent.change(within(dialog).getByLabelText(/Expires after/), {
      target: { value: '2027-01-31' },
    });
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Request waiver' }),
    );

    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(posted).toEqual([
      {
        checkId: 'encryption.rds-storage',
        justification: 'Re-encryption in January.',
        expiresAt: expect.any(String),
      },
    ]);
    expect(await screen.findByText('awaiting a reviewer')).toBeInTheDocument();
    // Requesting is not deciding.
    expect(
      screen.queryByRole('button', { name: /Approve waiver request/ }),
    ).not.toBeInTheDocument();
  });

  it('offers neither button when the policy denies both for this service', async () => {
    backend([open]);
    // Allowed only for another service: the resource ref decides.
    await renderWithBackend(<ComplianceContent />, {
      authorize: r =>
        r.resourceRef === 'component:default/other'
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
    });
    await screen.findByText('awaiting a reviewer');
    expect(
      screen.queryByRole('button', { name: /waiver for/ }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /Approve/ }),
    ).not.toBeInTheDocument();
  });

  it('lets a reviewer approve a request and reject another with a reason', async () => {
    const second = { ...open, id: 'b2', checkId: 'logging.s3-access-logs' };
    let requests = [open, second];
    const rejected: unknown[] = [];
    backend(requests);
    server.use(
      http.get(`${ENTITY}/waiver-requests`, () =>
        HttpResponse.json({ items: requests }),
      ),
      http.get(`${ENTITY}/gate/decisions`, () =>
        HttpResponse.json({ items: [] }),
      ),
      http.post(`${ENTITY}/waiver-requests/${open.id}/approve`, () => {
        requests = [
          {
            ...open,
            status: 'granted',
            decidedBy: 'user:default/karin.nilsson',
            decidedAt: '2026-11-26T09:30:00.000Z',
            waiverId: 'w1',
          },
          second,
        ];
        return HttpResponse.json(requests[0]);
      }),
      http.post(`${ENTITY}/waiver-requests/b2/reject`, async ({ request }) => {
        rejected.push(await request.json());
        requests = [
          requests[0],
          {
            ...second,
            status: 'rejected',
            decidedBy: 'user:default/karin.nilsson',
            decidedAt: '2026-11-26T09:31:00.000Z',
            decisionReason: 'Fix it instead',
          },
        ];
        return HttpResponse.json(requests[1]);
      }),
    );
    await renderWithBackend(<ComplianceContent />, {
      authorize: forService(WAIVE),
    });

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Approve waiver request for encryption.rds-storage',
      }),
    );
    const approve = await screen.findByRole('dialog', {
      name: 'Approve waiver request',
    });
    await userEvent.click(
      within(approve).getByRole('button', { name: 'Approve' }),
    );
    expect(
      await screen.findByText('approved by karin.nilsson on 2026-11-26'),
    ).toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('button', {
        name: 'Reject waiver request for logging.s3-access-logs',
      }),
    );
    const reject = await screen.findByRole('dialog', {
      name: 'Reject waiver request',
    });
    await userEvent.type(
      within(reject).getByLabelText('Reason'),
      'Fix it instead',
    );
    await userEvent.click(
      within(reject).getByRole('button', { name: 'Reject' }),
    );
    expect(
      await screen.findByText(
        'rejected by karin.nilsson on 2026-11-26: Fix it instead',
      ),
    ).toBeInTheDocument();
    expect(rejected).toEqual([{ reason: 'Fix it instead' }]);
    expect(screen.getByText('Decided (2)')).toBeInTheDocument();
  });
});
