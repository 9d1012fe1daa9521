/**
 * The Squad Insights backend plugin, and the permission policy module that scopes its
 * permissions to reviewers, squads and tribes.
 *
 * @packageDocumentation
 */
export { squadInsightsPlugin as default } from './plugin';
export * from './permissions';
