import { useState } from 'react';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { ServiceSummaryCard } from '../ServiceSummaryCard';
import { SquadProfileCard } from '../SquadProfileCard';
import {
  footprintAnswer,
  serviceFootprint,
} from '../../__testUtils__/footprintAnswer';
import {
  compliance,
  profile,
} from '../ComplianceContent/__testUtils__/fixtures';
import {
  ENTITY,
  renderWithBackend,
} from '../ComplianceContent/__testUtils__/renderWithBackend';

const server = setupServer();
registerMswTestHooks(server);

/** Answers the three per-entity reads and counts the requests each receives. */
function countingBackend() {
  const requests = { profile: 0, compliance: 0, footprint: 0 };
  server.use(
    http.get(`${ENTITY}/profile`, () => {
      requests.profile += 1;
      return HttpResponse.json(profile);
    }),
    http.get(`${ENTITY}/compliance`, () => {
      requests.compliance += 1;
      return HttpResponse.json({ ...compliance, checks: [] });
    }),
    http.get(`${ENTITY}/footprint`, () => {
      requests.footprint += 1;
      return HttpResponse.json(
        footprintAnswer({
          footprint: serviceFootprint({
            co2eKgPerMonth: 23.46,
            kwhPerDay: 88.9,
          }),
        }),
      );
    }),
  );
  return requests;
}

const overview = (
  <>
    <ServiceSummaryCard />
    <SquadProfileCard />
  </>
);

describe('useSharedEntityRequest', () => {
  it('sends each read of the overview once, though both cards show profile and compliance', async () => {
    const requests = countingBackend();
    await renderWithBackend(overview);
    expect(
      await screen.findAllByRole('link', { name: 'Payments Squad' }),
    ).toHaveLength(2);
    expect(await screen.findByText('23,5 kg CO2e/month')).toBeInTheDocument();
    expect(
      await screen.findByText('score 82 %, 2 failing'),
    ).toBeInTheDocument();
    expect(requests).toEqual({ profile: 1, compliance: 1, footprint: 1 });
  });

  it('gives a card mounted later the answer the page already shows', async () => {
    const requests = countingBackend();
    function Page() {
      const [both, setBoth] = useState(false);
      return (
        <>
          <ServiceSummaryCard />
          {both ? (
            <SquadProfileCard />
          ) : (
            <button onClick={() => setBoth(true)}>Ownership</button>
          )}
        </>
      );
    }
    await renderWithBackend(<Page />);
    expect(await screen.findByText('23,5 kg CO2e/month')).toBeInTheDocument();
    expect(
      await screen.findByText('score 82 %, 2 failing'),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Ownership' }));
    expect(
      await screen.findAllByRole('link', { name: 'Payments Squad' }),
    ).toHaveLength(2);
    expect(requests).toEqual({ profile: 1, compliance: 1, footprint: 1 });
  });

  it('keeps nothing once the page is gone: the next page view reads the current answer', async () => {
    const requests = countingBackend();
    const first = await renderWithBackend(overview);
    expect(await screen.findByText('23,5 kg CO2e/month')).toBeInTheDocument();
    first.unmount();
    await renderWithBackend(overview);
    expect(await screen.findByText('23,5 kg CO2e/month')).toBeInTheDocument();
    expect(
      await screen.findAllByRole('link', { name: 'Payments Squad' }),
    ).toHaveLength(2);
    expect(requests).toEqual({ profile: 2, compliance: 2, footprint: 2 });
  });
});
