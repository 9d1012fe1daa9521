import { squadInsightsPlugin } from './plugin';

describe('squad-insights', () => {
  it('should export plugin', () => {
    expect(squadInsightsPlugin).toBeDefined();
  });
});
