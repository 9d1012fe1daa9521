export { toCsv, csvFileName, downloadCsv } from './csv';
export type { CsvValue } from './csv';
export { StatusChip, STATUS_SEVERITY } from './StatusChip';
export { RetryableErrorPanel } from './RetryableErrorPanel';
export { ComplianceReviewIcon } from './ComplianceReviewIcon';
export { shortRef, isoDay, errorMessage } from './format';
export { useComplianceTabLink } from './useComplianceTabLink';
export { useSharedEntityRequest } from './useSharedEntityRequest';
export { AppLink } from './AppLink';
export { AsyncView, LoadFailure, isNotFound } from './LoadFailure';
export type { RetryableState } from './LoadFailure';
export {
  entityTitles,
  useEntityTitles,
  useEntityPresentationApi,
} from './entityTitles';
export { useDeferredAfterMount } from './useDeferredAfterMount';
