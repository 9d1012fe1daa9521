import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import { squadInsightsCatalogModule } from '@squad-insights/backstage-plugin-squad-insights';
import { navModule } from './modules/nav';
import { homeModule } from './modules/home';

export default createApp({
  // The Squad Insights plugin itself is discovered (app.packages: all); its catalog module,
  // which adds the compliance and footprint columns to the catalog table, is not a package's
  // default export and is listed here.
  features: [catalogPlugin, squadInsightsCatalogModule, navModule, homeModule],
});
