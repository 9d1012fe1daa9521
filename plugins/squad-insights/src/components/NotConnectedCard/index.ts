export { NotConnectedCard } from './NotConnectedCard';
export { isSquadInsightsAvailable } from './isSquadInsightsAvailable';
