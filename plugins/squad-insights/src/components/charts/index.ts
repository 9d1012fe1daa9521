export { TrendChart, trendSummary } from './TrendChart';
export type { TrendPoint } from './TrendChart';
export { CapacityHeatmap, cellLabel } from './CapacityHeatmap';
export { visuallyHidden } from './visuallyHidden';
