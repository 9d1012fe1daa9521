import squadInsightsPlugin, { squadInsightsLegacyPlugin } from './index';

describe('squad-insights plugin', () => {
  it('provides its extensions under the documented ids', () => {
    expect(squadInsightsPlugin.getExtension('api:squad-insights')).toBeDefined();
    expect(
      squadInsightsPlugin.getExtension('entity-card:squad-insights/profile'),
    ).toBeDefined();
  });

  it('provides a legacy plugin with the same id', () => {
    expect(squadInsightsLegacyPlugin.getId()).toBe('squad-insights');
  });
});
