/**
 * Squad Insights frontend plugin: ownership in the squad model, compliance and
 * sustainability on the service pages, squad and tribe rollups, and the compliance review
 * workspace.
 *
 * The default export is the plugin for the new frontend system; the named `legacy`
 * exports serve apps on the old one.
 *
 * @packageDocumentation
 */
export { squadInsightsPlugin as default } from './plugin';
export * from './api';
export {
  complianceReviewRouteRef,
  legacyComplianceReviewRouteRef,
  sustainabilityReportRouteRef,
  legacySustainabilityReportRouteRef,
} from './routes';
export {
  squadInsightsLegacyPlugin,
  EntitySquadProfileCard,
  EntityServiceSummaryCard,
  EntityNotConnectedCard,
  EntityComplianceContent,
  EntitySustainabilityContent,
  EntitySquadRollupCard,
  SquadInsightsCompliancePage,
  SquadInsightsSustainabilityReportPage,
} from './legacy';
export { isSquadInsightsAvailable } from './components/NotConnectedCard/isSquadInsightsAvailable';
export * from './catalog';
