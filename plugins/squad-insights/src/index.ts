/**
 * Squad Insights frontend plugin: ownership in the squad model, compliance and
 * sustainability on the service pages.
 *
 * The default export is the plugin for the new frontend system; the named `legacy`
 * exports serve apps on the old one.
 *
 * @packageDocumentation
 */
export { squadInsightsPlugin as default } from './plugin';
export * from './api';
export { squadInsightsLegacyPlugin, EntitySquadProfileCard } from './legacy';
