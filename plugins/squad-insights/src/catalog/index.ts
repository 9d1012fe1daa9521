export { squadInsightsCatalogModule } from './catalogModule';
export {
  createComplianceStatusColumn,
  createFootprintColumn,
  withSquadInsightsColumns,
} from './columns';
export { ComplianceStatusCell, FootprintCell } from './CatalogCells';
export {
  ComplianceFilterPicker,
  COMPLIANCE_FILTER_KEY,
} from './ComplianceFilterPicker';
export { ComplianceEntityFilter } from './ComplianceEntityFilter';
export type {
  CatalogQuery,
  ComplianceSelection,
} from './ComplianceEntityFilter';
