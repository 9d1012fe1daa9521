export * from './SquadInsightsApi';
export * from './SquadInsightsClient';
