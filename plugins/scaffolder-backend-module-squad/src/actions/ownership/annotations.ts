export { SQUAD_GROUP_ANNOTATIONS } from '@squad-insights/backstage-plugin-squad-insights-common';

/** The state source of an IaC repository whose squad names none. */
export const DEFAULT_IAC_STATE_SOURCE = 'demo';
