import type { TableColumn } from '@backstage/core-components';
import {
  CatalogTable,
  CatalogTableColumnsFunc,
  CatalogTableRow,
} from '@backstage/plugin-catalog';
import { ComplianceStatusCell, FootprintCell } from './CatalogCells';

/**
 * The catalog table's compliance column: worst status and failing checks. Not sortable: the
 * values load after the page, from the squad-insights backend.
 *
 * @public
 */
export function createComplianceStatusColumn(): TableColumn<CatalogTableRow> {
  return {
    title: 'Compliance',
    sorting: false,
    render: row => <ComplianceStatusCell entity={row.entity} />,
  };
}

/**
 * The catalog table's footprint column, in kg CO2e per month.
 *
 * @public
 */
export function createFootprintColumn(): TableColumn<CatalogTableRow> {
  return {
    title: 'kg CO2e/month',
    align: 'right',
    sorting: false,
    render: row => <FootprintCell entity={row.entity} />,
  };
}

/**
 * The catalog's columns with the compliance and footprint columns added when the table lists
 * components, for `CatalogIndexPage`'s `columns` (either frontend system). Pass your own
 * columns function to extend it instead of the catalog's default.
 *
 * @public
 */
export function withSquadInsightsColumns(
  base: CatalogTableColumnsFunc = CatalogTable.defaultColumnsFunc,
): CatalogTableColumnsFunc {
  return context => {
    const columns = base(context);
    const kind = context.filters.kind?.value?.toLocaleLowerCase('en');
    return kind === 'component'
      ? [...columns, createComplianceStatusColumn(), createFootprintColumn()]
      : columns;
  };
}
