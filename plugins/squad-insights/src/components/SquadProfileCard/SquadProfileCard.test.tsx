import { screen, within } from '@testing-library/react';
import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { SquadProfileCard } from './SquadProfileCard';
import {
  compliance,
  profile,
  teamTagDrift,
} from '../ComplianceContent/__testUtils__/fixtures';
import {
  ENTITY,
  errorBody,
  renderWithBackend,
} from '../ComplianceContent/__testUtils__/renderWithBackend';

const server = setupServer();
registerMswTestHooks(server);

describe('SquadProfileCard', () => {
  it('shows squad, tribe, chapter, guild and contacts with links', async () => {
    server.use(
      http.get(`${ENTITY}/profile`, () => HttpResponse.json(profile)),
      http.get(`${ENTITY}/compliance`, () =>
        HttpResponse.json({ ...compliance, checks: [] }),
      ),
    );
    await renderWithBackend(<SquadProfileCard />);

    expect(
      await screen.findByRole('link', { name: 'Payments Squad' }),
    ).toHaveAttribute('href', '/catalog/default/group/payments-squad');
    expect(screen.getByRole('link', { name: 'Commerce' })).toHaveAttribute(
      'href',
      '/catalog/default/group/commerce-tribe',
    );
    expect(
      screen.getByRole('link', { name: 'Backend Engineering' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Security Engineering' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Maja Eriksson' })).toHaveAttribute(
      'href',
      '/catalog/default/user/maja.eriksson',
    );
    expect(
      screen.getByRole('link', { name: 'johan.karlsson@acme-music.example' }),
    ).toHaveAttribute('href', 'mailto:johan.karlsson@acme-music.example');
    // Nobody is named as business contact: the squad's address stands in, and says so.
    expect(
      screen.getByRole('link', { name: 'payments-squad@acme-music.example' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/squad address; nobody named/)).toBeInTheDocument();
    expect(screen.getByText('Svenska_Betaltjänstlagen')).toBeInTheDocument();
    expect(screen.getByText('7 years')).toBeInTheDocument();
    expect(screen.queryByText(/Ownership drift/)).not.toBeInTheDocument();
  });

  it('warns of ownership drift with the evidence from the compliance checks', async () => {
    server.use(
      http.get(`${ENTITY}/profile`, () => HttpResponse.json(profile)),
      http.get(`${ENTITY}/compliance`, () => HttpResponse.json(compliance)),
    );
    await renderWithBackend(<SquadProfileCard />);

    const warning = (
      await screen.findByText(`Ownership drift: ${teamTagDrift.title}`)
    ).closest('[role="alert"]') as HTMLElement;
    expect(
      within(warning).getByText('aws_kms_key.main · tags.team'),
    ).toBeInTheDocument();
    expect(within(warning).getByText('payments-squad')).toBeInTheDocument();
    expect(
      within(warning).getByText('= subscriptions-squad (catalog squad)'),
    ).toBeInTheDocument();
    expect(
      within(warning).getByText(
        'demo:payment-processing/terraform.tfstate serial 389',
      ),
    ).toBeInTheDocument();
    // Failing checks of other controls are not drift.
    expect(
      screen.queryByText(/Databases are encrypted at rest/),
    ).not.toBeInTheDocument();
  });

  it('shows annotation problems, and ownership without drift when compliance is not installed', async () => {
    server.use(
      http.get(`${ENTITY}/profile`, () =>
        HttpResponse.json({
          ...profile,
          problems: [
            {
              annotation: 'squad-insights.io/compliance-requirements',
              message: 'unknown compliance requirement "HIPAA"',
            },
          ],
        }),
      ),
      http.get(`${ENTITY}/compliance`, () =>
        HttpResponse.json(errorBody('NotFoundError', 'Not found', 404), {
          status: 404,
        }),
      ),
    );
    await renderWithBackend(<SquadProfileCard />);
    expect(
      await screen.findByText(/unknown compliance requirement "HIPAA"/),
    ).toBeInTheDocument();
    expect(
      screen.queryByText(/drift could not be checked/),
    ).not.toBeInTheDocument();
  });

  it('shows the backend error with a retry instead of an empty card', async () => {
    let down = true;
    server.use(
      http.get(`${ENTITY}/profile`, () =>
        down
          ? HttpResponse.json(errorBody('Error', 'backend down', 503), {
              status: 503,
            })
          : HttpResponse.json(profile),
      ),
      http.get(`${ENTITY}/compliance`, () => HttpResponse.json(compliance)),
    );
    await renderWithBackend(<SquadProfileCard />);
    const retry = await screen.findByRole('button', { name: 'Retry' });
    expect(screen.getAllByText(/backend down/).length).toBeGreaterThan(0);
    expect(screen.queryByText('Squad')).not.toBeInTheDocument();
    down = false;
    retry.click();
    expect(
      await screen.findByRole('link', { name: 'Payments Squad' }),
    ).toBeInTheDocument();
  });
});
