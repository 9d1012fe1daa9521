export { squadInsightsPlugin as default } from './plugin';
