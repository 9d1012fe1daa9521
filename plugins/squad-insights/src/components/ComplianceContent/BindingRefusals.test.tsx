import { screen } from '@testing-library/react';
import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  bindingProblem,
  EntityComplianceResponse,
  FactBinding,
} from '@squad-insights/backstage-plugin-squad-insights-common';
import { ComplianceContent } from './ComplianceContent';
import { compliance } from './__testUtils__/fixtures';
import { ENTITY, renderWithBackend } from './__testUtils__/renderWithBackend';

const server = setupServer();
registerMswTestHooks(server);
jest.setTimeout(20_000);

const refused: FactBinding = {
  annotation: 'squad-insights.io/terraform-state',
  value: 'demo:music-discovery/terraform.tfstate',
  allowed: false,
  reason:
    'Key "music-discovery/terraform.tfstate" of Terraform state source "demo" may not be bound by component:default/payment-processing: it matches none of the templates {name}/terraform.tfstate',
  howToAllow:
    'If component:default/payment-processing should read it, the operator adds it to squadInsights.terraform.sources[0].bindings.entities["component:default/payment-processing"] or widens squadInsights.terraform.sources[0].bindings.templates.',
};

function backend(result: EntityComplianceResponse) {
  server.use(
    http.get(`${ENTITY}/compliance`, () => HttpResponse.json(result)),
    http.get(`${ENTITY}/waivers`, () => HttpResponse.json({ items: [] })),
    http.get(`${ENTITY}/reviews`, () => HttpResponse.json({ items: [] })),
    http.get(`${ENTITY}/footprint`, () =>
      HttpResponse.json({
        entityRef: result.entityRef,
        criticality: 'high',
        criticalityDeclared: true,
        advice: [],
        stale: true,
        problems: [],
        history: [],
        states: [],
      }),
    ),
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

describe('a refused binding on the Compliance tab', () => {
  it('says which annotation, why and how the operator allows it, once, and still shows the checks', async () => {
    backend({
      ...compliance,
      stale: true,
      problems: [
        bindingProblem(refused),
        'squad-insights.io/criticality: not one of critical, high',
      ],
      bindings: [
        refused,
        {
          annotation: 'squad-insights.io/consul-service',
          value: 'payment-processing',
          allowed: true,
          rule: 'template {name}',
        },
      ],
    });
    await renderWithBackend(<ComplianceContent />);

    expect(await screen.findByText('Binding refused')).toBeInTheDocument();
    expect(screen.getAllByText('Binding refused')).toHaveLength(1);
    expect(
      screen.getByText(
        'squad-insights.io/terraform-state: demo:music-discovery/terraform.tfstate',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /matches none of the templates \{name\}\/terraform\.tfstate/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /the operator adds it to squadInsights\.terraform\.sources\[0\]\.bindings/,
      ),
    ).toBeInTheDocument();
    // The refusal is not repeated as a plain problem; other problems still are.
    expect(screen.queryByText(bindingProblem(refused))).not.toBeInTheDocument();
    expect(
      screen.getByText(
        'squad-insights.io/criticality: not one of critical, high',
      ),
    ).toBeInTheDocument();
    // The rest of the service's results still show.
    expect(screen.getByText('Compliance score 82 %')).toBeInTheDocument();
  });

  it('shows nothing for results stored before bindings existed', async () => {
    backend(compliance);
    await renderWithBackend(<ComplianceContent />);
    expect(
      await screen.findByText('Compliance score 82 %'),
    ).toBeInTheDocument();
    expect(screen.queryByText('Binding refused')).not.toBeInTheDocument();
  });
});
