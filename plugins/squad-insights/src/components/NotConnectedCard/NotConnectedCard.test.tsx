import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { SQUAD_INSIGHTS_ANNOTATIONS } from '@squad-insights/backstage-plugin-squad-insights-common';
import { NotConnectedCard } from './NotConnectedCard';
import { isSquadInsightsAvailable } from './isSquadInsightsAvailable';

const component = (annotations?: Record<string, string>) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'legacy-reporting',
    namespace: 'default',
    ...(annotations && { annotations }),
  },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/content-tribe',
  },
});

describe('isSquadInsightsAvailable', () => {
  it('is true with any Squad Insights annotation and false with none or only others', () => {
    expect(
      isSquadInsightsAvailable(
        component({ 'squad-insights.io/criticality': 'low' }),
      ),
    ).toBe(true);
    expect(isSquadInsightsAvailable(component())).toBe(false);
    expect(
      isSquadInsightsAvailable(
        component({ 'backstage.io/techdocs-ref': 'dir:.' }),
      ),
    ).toBe(false);
  });
});

describe('NotConnectedCard', () => {
  it('explains how to connect and shows the annotation snippet to copy', async () => {
    await renderInTestApp(
      <EntityProvider entity={component()}>
        <NotConnectedCard />
      </EntityProvider>,
    );
    expect(
      await screen.findByText(
        /legacy-reporting has no Squad Insights annotations yet/,
      ),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('button', { name: /copy/i }),
    ).toBeInTheDocument();
    // The highlighter splits the text into token spans; the copied text is what they read.
    const snippet = document.body.textContent ?? '';
    for (const annotation of Object.values(SQUAD_INSIGHTS_ANNOTATIONS)) {
      expect(snippet).toContain(`${annotation}:`);
    }
    expect(snippet).toContain(
      'squad-insights.io/terraform-state: <source-id>:legacy-reporting/terraform.tfstate',
    );
    expect(snippet).toContain(
      '# one of: public, internal, personal, user_behavioral, user_content, financial',
    );
  });
});
