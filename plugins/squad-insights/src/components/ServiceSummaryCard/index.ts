export { ServiceSummaryCard } from './ServiceSummaryCard';
export { complianceStatus, formatScore } from './complianceStatus';
