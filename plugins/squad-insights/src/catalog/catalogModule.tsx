import {
  coreExtensionData,
  createFrontendModule,
} from '@backstage/frontend-plugin-api';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import { withSquadInsightsColumns } from './columns';

/**
 * `page:catalog`, as the catalog plugin makes it, with the compliance and footprint columns.
 *
 * Why an override: `@backstage/plugin-catalog` 2.1's `page:catalog` takes filters
 * (`catalog-filter` extensions, which this plugin uses) and export settings as inputs, but no
 * table columns — its loader renders `CatalogIndexPage` without `columns`. So only the loader
 * is replaced, rendering the same `CatalogIndexPage` with the same filters, pagination and
 * export config plus `columns`; path, title, icon, route and config schema stay the catalog's.
 * Export customisations attached through `CatalogExportConfigBlueprint` are not merged here
 * (their data ref is private to the catalog); `exportSettings` config still applies. Drop this
 * module once the catalog page accepts columns.
 */
const catalogPageWithColumns = catalogPlugin
  .getExtension('page:catalog')
  .override({
    factory(originalFactory, { inputs, config }) {
      return originalFactory({
        params: {
          loader: async () => {
            const { CatalogIndexPage } = await import(
              '@backstage/plugin-catalog/alpha'
            );
            const filters = inputs.filters.map(filter =>
              filter.get(coreExtensionData.reactElement),
            );
            return (
              <CatalogIndexPage
                filters={<>{filters}</>}
                pagination={config.pagination}
                exportSettings={
                  config.exportSettings?.enabled
                    ? config.exportSettings
                    : undefined
                }
                columns={withSquadInsightsColumns()}
              />
            );
          },
        },
      });
    },
  });

/**
 * A module of the catalog plugin for the new frontend system: the catalog table of
 * components gets the Compliance and kg CO2e/month columns. Install it beside the catalog
 * plugin (`features: [catalogPlugin, squadInsightsCatalogModule]`); the compliance filter
 * comes with the Squad Insights plugin itself.
 *
 * @public
 */
export const squadInsightsCatalogModule = createFrontendModule({
  pluginId: 'catalog',
  extensions: [catalogPageWithColumns],
});
