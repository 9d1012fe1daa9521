import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { WaiverResponse } from '@squad-insights/backstage-plugin-squad-insights-common';
import { ComplianceContent } from './ComplianceContent';
import {
  activeWaiver,
  compliance,
  newerReview,
  olderReview,
  rdsUnencrypted,
  revokedWaiver,
  STATE,
} from './__testUtils__/fixtures';
import {
  ENTITY,
  errorBody,
  renderWithBackend,
} from './__testUtils__/renderWithBackend';

const server = setupServer();
registerMswTestHooks(server);

const REVIEW = 'squad-insights.compliance.review.create';
const WAIVE = 'squad-insights.compliance.waiver.manage';

const footprint = {
  entityRef: 'component:default/payment-processing',
  criticality: 'critical',
  criticalityDeclared: true,
  advice: [],
  stale: false,
  problems: [],
  history: [],
  states: [
    {
      reference: STATE,
      freshness: {
        stale: false,
        readAt: '2026-11-26T05:55:00.000Z',
        marker: '389',
      },
    },
  ],
};

function backend(overrides: { waivers?: WaiverResponse[] } = {}) {
  server.use(
    http.get(`${ENTITY}/compliance`, () => HttpResponse.json(compliance)),
    http.get(`${ENTITY}/waivers`, () =>
      HttpResponse.json({
        items: overrides.waivers ?? [activeWaiver, revokedWaiver],
      }),
    ),
    http.get(`${ENTITY}/reviews`, () =>
      HttpResponse.json({ items: [newerReview, olderReview] }),
    ),
    http.get(`${ENTITY}/footprint`, () => HttpResponse.json(footprint)),
    http.get(`${ENTITY}/attestations`, () =>
      HttpResponse.json({ items: [], checks: [] }),
    ),
    http.get(`${ENTITY}/waiver-requests`, () =>
      HttpResponse.json({ items: [] }),
    ),
    http.get(`${ENTITY}/gate/decisions`, () =>
      HttpResponse.json({ items: [] }),
    ),
  );
}

// Rendering a whole test app per case and typing into dialogs takes longer than jest's 5 s.
jest.setTimeout(20_000);

describe('ComplianceContent', () => {
  beforeEach(() => {
    // Only the clock: msw and user-event need real timers.
    jest.useFakeTimers({
      now: new Date('2026-11-26T09:30:00Z'),
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

  it('groups checks by control with evidence, freshness and remediation; counts passing checks', async () => {
    backend();
    await renderWithBackend(<ComplianceContent />);

    expect(
      await screen.findByText('Compliance score 82 %'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Copyright law: not applicable'),
    ).toBeInTheDocument();
    expect(screen.getByText('PCI DSS: 76 %, 1 failing')).toBeInTheDocument();
    const encryption = screen.getByRole('region', {
      name: 'Control baseline/encryption',
    });
    expect(
      within(encryption).getByText('Databases are encrypted at rest'),
    ).toBeInTheDocument();
    expect(
      within(encryption).getByText(
        'module.database.aws_rds_cluster.this · storage_encrypted',
      ),
    ).toBeInTheDocument();
    expect(within(encryption).getByText('false')).toBeInTheDocument();
    expect(within(encryption).getByText('= true')).toBeInTheDocument();
    expect(
      within(encryption).getByText(
        `${STATE} serial 389 · read ${localMinutes(
          '2026-11-26T05:55:00.000Z',
        )}`,
      ),
    ).toBeInTheDocument();
    expect(
      within(encryption).getByText(/Set storage_encrypted = true/),
    ).toBeInTheDocument();
    // The passing KMS check is counted, not listed.
    expect(within(encryption).getByText('1 passing')).toBeInTheDocument();
    expect(
      screen.queryByText('Symmetric KMS keys rotate automatically'),
    ).not.toBeInTheDocument();
    // Listed once, under its first control, naming the framework controls it also maps to.
    expect(
      within(encryption).getByText(
        'Also maps to GDPR/Art.32, PCI_DSS/Req.3, Svenska_Betaltjänstlagen/security',
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('region', { name: 'Control GDPR/Art.32' }),
    ).not.toBeInTheDocument();
    const ownership = screen.getByRole('region', {
      name: 'Control baseline/ownership',
    });
    expect(
      within(ownership).getByText(
        "Consul meta names the catalog's owning squad",
      ),
    ).toBeInTheDocument();
    expect(within(ownership).getByText('1 unknown')).toBeInTheDocument();
  });

  it('shows waivers with a countdown and the revoked ones for the record', async () => {
    backend();
    await renderWithBackend(<ComplianceContent />);
    expect(await screen.findByText('expires in 12 days')).toBeInTheDocument();
    expect(
      screen.getByText(
        'revoked by karin.nilsson on 2026-10-15: Migration done',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Expired and revoked (1)')).toBeInTheDocument();
  });

  it('offers no review, waiver or revoke actions without the permissions', async () => {
    backend();
    await renderWithBackend(<ComplianceContent />);
    await screen.findByText('Compliance score 82 %');
    await screen.findByText('expires in 12 days');
    expect(
      screen.queryByRole('button', { name: 'Record review' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /Grant waiver/ }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /Revoke/ }),
    ).not.toBeInTheDocument();
  });

  it('grants a waiver with the right body and shows the refreshed list', async () => {
    backend();
    const posted: unknown[] = [];
    let waivers = [activeWaiver];
    server.use(
      http.get(`${ENTITY}/waivers`, () =>
        HttpResponse.json({ items: waivers }),
      ),
      http.post(`${ENTITY}/waivers`, async ({ request }) => {
        const body = (await request.json()) as {
          checkId: string;
          justification: string;
          expiresAt: string;
        };
        posted.push(body);
        const granted: WaiverResponse = {
          ...body,
          id: 'a7d2f1c0-5e44-4b0b-8f57-0d9e2c1b3a44',
          entityRef: 'component:default/payment-processing',
          grantedBy: 'user:default/karin.nilsson',
          grantedAt: '2026-11-26T09:30:00.000Z',
          status: 'active',
        };
        waivers = [granted, ...waivers];
        return HttpResponse.json(granted);
      }),
    );
    await renderWithBackend(<ComplianceContent />, { allow: [WAIVE] });

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Grant waiver for encryption.rds-storage',
      }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Grant waiver' });
    await userEvent.type(
      within(dialog).getByLabelText(/Justification/),
      'Aurora re-encryption scheduled for the January window.',
    );
    fireEvent.change(within(dialog).getByLabelText(/Expires after/), {
      target: { value: '2027-01-31' },
    });
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Grant waiver' }),
    );

    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(posted).toEqual([
      {
        checkId: 'encryption.rds-storage',
        justification: 'Aurora re-encryption scheduled for the January window.',
        expiresAt: expect.any(String),
      },
    ]);
    const expires = new Date((posted[0] as { expiresAt: string }).expiresAt);
    // The end of the chosen day in the reader's time zone.
    expect([
      expires.getFullYear(),
      expires.getMonth(),
      expires.getDate(),
      expires.getHours(),
    ]).toEqual([2027, 0, 31, 23]);
    expect(await screen.findByText('Active (2)')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Aurora re-encryption scheduled for the January window.',
      ),
    ).toBeInTheDocument();
  });

  it('validates the waiver before sending: justification required, expiry within the policy limit', async () => {
    backend();
    const post = jest.fn();
    server.use(http.post(`${ENTITY}/waivers`, () => post()));
    await renderWithBackend(<ComplianceContent />, { allow: [WAIVE] });

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Grant waiver for encryption.rds-storage',
      }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Grant waiver' });
    fireEvent.change(within(dialog).getByLabelText(/Expires after/), {
      target: { value: '2028-01-01' },
    });
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Grant waiver' }),
    );

    expect(
      within(dialog).getByText(/A justification is required/),
    ).toBeInTheDocument();
    // A critical check, and the fixture's policy names no limit: the default 90 days apply.
    expect(
      within(dialog).getByText(/A waiver may run at most 90 days/),
    ).toBeInTheDocument();
    expect(within(dialog).getByLabelText(/Expires after/)).toHaveAttribute(
      'max',
      expect.any(String),
    );
    fireEvent.change(within(dialog).getByLabelText(/Expires after/), {
      target: { value: '2026-11-26' },
    });
    expect(
      within(dialog).getByText(/The expiry must be in the future/),
    ).toBeInTheDocument();
    expect(post).not.toHaveBeenCalled();
  });

  it("shows the backend's refusal in the dialog, e.g. a self-waiver", async () => {
    backend();
    const message =
      'Separation of duties: user:default/maja.eriksson is a member of group:default/payments-squad, which owns component:default/payment-processing, and may not waive its checks';
    server.use(
      http.post(`${ENTITY}/waivers`, () =>
        HttpResponse.json(errorBody('NotAllowedError', message, 403), {
          status: 403,
        }),
      ),
    );
    await renderWithBackend(<ComplianceContent />, { allow: [WAIVE] });

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Grant waiver for encryption.rds-storage',
      }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Grant waiver' });
    await userEvent.type(
      within(dialog).getByLabelText(/Justification/),
      'Our own service, our call.',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Grant waiver' }),
    );

    expect(
      await within(dialog).findByText(`${message} (403)`),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('dialog', { name: 'Grant waiver' }),
    ).toBeInTheDocument();
  });

  it('revokes an active waiver for a permitted user', async () => {
    backend();
    let waivers: WaiverResponse[] = [activeWaiver];
    const reasons: unknown[] = [];
    server.use(
      http.get(`${ENTITY}/waivers`, () =>
        HttpResponse.json({ items: waivers }),
      ),
      http.post(
        `${ENTITY}/waivers/${activeWaiver.id}/revoke`,
        async ({ request }) => {
          reasons.push(await request.json());
          waivers = [
            {
              ...activeWaiver,
              status: 'revoked',
              revokedBy: 'user:default/karin.nilsson',
              revokedAt: '2026-11-26T09:30:00.000Z',
              revokeReason: 'Logging is in place',
            },
          ];
          return HttpResponse.json(waivers[0]);
        },
      ),
    );
    await renderWithBackend(<ComplianceContent />, { allow: [WAIVE] });

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Revoke waiver of logging.s3-access-logs',
      }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Revoke waiver' });
    await userEvent.type(
      within(dialog).getByLabelText('Reason'),
      'Logging is in place',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Revoke' }),
    );

    expect(await screen.findByText('Active (0)')).toBeInTheDocument();
    expect(reasons).toEqual([{ reason: 'Logging is in place' }]);
  });

  it('lists reviews newest first and opens the snapshot a reviewer judged', async () => {
    backend();
    await renderWithBackend(<ComplianceContent />);

    const buttons = await screen.findAllByRole('button', {
      name: /Open the snapshot/,
    });
    expect(buttons).toHaveLength(2);
    const history = screen
      .getAllByText(/Changes requested|Approved/)
      .map(e => e.textContent);
    expect(history).toEqual(['Approved', 'Changes requested']);

    await userEvent.click(buttons[1]);
    const dialog = await screen.findByRole('dialog', {
      name: /Changes requested by karin.nilsson/,
    });
    expect(
      within(dialog).getByText(/Score at the time: 61 %/),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText('PCI DSS: 55 %, 3 failing'),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText('Failing checks at the time (2)'),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText(
        'Production data stores have deletion protection',
      ),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText(
        'Encrypt the Aurora cluster before the PCI audit.',
      ),
    ).toBeInTheDocument();
  });

  it('records a review and shows it in the history', async () => {
    backend();
    const posted: unknown[] = [];
    let reviews = [olderReview];
    server.use(
      http.get(`${ENTITY}/reviews`, () =>
        HttpResponse.json({ items: reviews }),
      ),
      http.post(`${ENTITY}/reviews`, async ({ request }) => {
        const body = (await request.json()) as {
          decision: 'approved';
          comment: string;
        };
        posted.push(body);
        reviews = [
          {
            ...newerReview,
            ...body,
            id: '5',
            createdAt: '2026-11-26T09:30:00.000Z',
          },
          ...reviews,
        ];
        return HttpResponse.json(reviews[0]);
      }),
    );
    await renderWithBackend(<ComplianceContent />, { allow: [REVIEW] });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Record review' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Record review' });
    await userEvent.click(within(dialog).getByLabelText('Changes requested'));
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Record review' }),
    );
    expect(
      within(dialog).getByText('Say which changes are needed.'),
    ).toBeInTheDocument();
    await userEvent.type(
      within(dialog).getByLabelText(/Comment/),
      'Tag the KMS keys with the right team.',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Record review' }),
    );

    expect(
      await screen.findByText('Tag the KMS keys with the right team.'),
    ).toBeInTheDocument();
    expect(posted).toEqual([
      {
        decision: 'changes_requested',
        comment: 'Tag the KMS keys with the right team.',
      },
    ]);
    expect(
      screen.queryByRole('button', { name: /Grant waiver/ }),
    ).not.toBeInTheDocument();
  });

  it('says which source is stale and since when', async () => {
    backend();
    server.use(
      http.get(`${ENTITY}/compliance`, () =>
        HttpResponse.json({ ...compliance, stale: true }),
      ),
      http.get(`${ENTITY}/footprint`, () =>
        HttpResponse.json({
          ...footprint,
          stale: true,
          states: [
            {
              reference: STATE,
              freshness: {
                stale: true,
                readAt: '2026-11-24T22:00:00.000Z',
                lastError: 'S3 GetObject: AccessDenied',
                lastErrorAt: '2026-11-25T04:00:00.000Z',
              },
            },
          ],
        }),
      ),
    );
    await renderWithBackend(<ComplianceContent />);
    expect(
      await screen.findByText(/Judged on stale facts/),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(
        `Terraform state ${STATE}: last good read ${localMinutes(
          '2026-11-24T22:00:00.000Z',
        )}; failing since ${localMinutes(
          '2026-11-25T04:00:00.000Z',
        )}: S3 GetObject: AccessDenied`,
      ),
    ).toBeInTheDocument();
  });

  it('offers a retry when the backend is unreachable, and says "not available" on 404', async () => {
    backend();
    let fail = true;
    server.use(
      http.get(`${ENTITY}/compliance`, () =>
        fail
          ? HttpResponse.json(errorBody('Error', 'connect ECONNREFUSED', 503), {
              status: 503,
            })
          : HttpResponse.json(compliance),
      ),
      http.get(`${ENTITY}/reviews`, () =>
        HttpResponse.json(errorBody('NotFoundError', 'Not found', 404), {
          status: 404,
        }),
      ),
    );
    await renderWithBackend(<ComplianceContent />);

    expect(
      await screen.findByText('Reviews is not available for this entity.'),
    ).toBeInTheDocument();
    const retry = await screen.findByRole('button', { name: 'Retry' });
    fail = false;
    await userEvent.click(retry);
    expect(
      await screen.findByText('Compliance score 82 %'),
    ).toBeInTheDocument();
  });

  it('says so when nothing applies', async () => {
    backend({ waivers: [] });
    server.use(
      http.get(`${ENTITY}/compliance`, () =>
        HttpResponse.json({
          ...compliance,
          checks: [
            { ...rdsUnencrypted, status: 'not-applicable', evidence: [] },
          ],
        }),
      ),
      http.get(`${ENTITY}/reviews`, () => HttpResponse.json({ items: [] })),
    );
    await renderWithBackend(<ComplianceContent />);
    expect(
      await screen.findByText(
        'No check of the policy applies to this service.',
      ),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('No waivers have been granted for this service.'),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('No review has been recorded for this service.'),
    ).toBeInTheDocument();
  });
});

/** As `when()` prints an instant: the test does not assume the machine's time zone. */
function localMinutes(iso: string) {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(
    d.getHours(),
  )}:${pad(d.getMinutes())}`;
}
