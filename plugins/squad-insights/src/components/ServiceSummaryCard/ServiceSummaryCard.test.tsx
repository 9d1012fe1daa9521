import { screen } from '@testing-library/react';
import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { ServiceSummaryCard } from './ServiceSummaryCard';
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
  errorBody,
  renderWithBackend,
} from '../ComplianceContent/__testUtils__/renderWithBackend';

const server = setupServer();
registerMswTestHooks(server);

describe('ServiceSummaryCard', () => {
  it('shows the owning squad and tribe, the compliance status and score, and CO2e per month', async () => {
    server.use(
      http.get(`${ENTITY}/profile`, () => HttpResponse.json(profile)),
      http.get(`${ENTITY}/compliance`, () => HttpResponse.json(compliance)),
      http.get(`${ENTITY}/footprint`, () =>
        HttpResponse.json(
          footprintAnswer({
            footprint: serviceFootprint({
              co2eKgPerMonth: 23.46,
              kwhPerDay: 88.9,
              co2eKgPerDay: 0.77,
            }),
          }),
        ),
      ),
    );
    await renderWithBackend(<ServiceSummaryCard />);
    expect(
      await screen.findByRole('link', { name: 'Payments Squad' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Commerce' })).toBeInTheDocument();
    expect(await screen.findByText('Failing')).toBeInTheDocument();
    expect(screen.getByText('score 82 %, 2 failing')).toBeInTheDocument();
    expect(await screen.findByText('23,5 kg CO2e/month')).toBeInTheDocument();
  });

  it('keeps the parts that load when another is not available', async () => {
    server.use(
      http.get(`${ENTITY}/profile`, () => HttpResponse.json(profile)),
      http.get(`${ENTITY}/compliance`, () =>
        HttpResponse.json({
          ...compliance,
          checks: [],
          score: {
            score: 1,
            passed: 29,
            failed: 0,
            waived: 1,
            unknown: 9,
            notApplicable: 9,
          },
        }),
      ),
      http.get(`${ENTITY}/footprint`, () =>
        HttpResponse.json(errorBody('NotFoundError', 'Not found', 404), {
          status: 404,
        }),
      ),
    );
    await renderWithBackend(<ServiceSummaryCard />);
    expect(await screen.findByText('Compliant')).toBeInTheDocument();
    expect(
      await screen.findByText(
        'The footprint is not available for this entity.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Payments Squad' }),
    ).toBeInTheDocument();
  });
});
