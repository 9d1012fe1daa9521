/**
 * Per-service energy, CO2e, carbon tax and green-hours advice following Cloud Carbon
 * Footprint's methodology for AWS, GCP and Azure. Pure code: runs in the browser and the backend alike.
 * Methodology: plugins/squad-insights-common/docs/sustainability-methodology.md
 */

export type {
  Criticality,
  FootprintComponent,
  EnergyAndEmissions,
  NotEstimated,
  EstimateCoverage,
  WeeklyCapacity,
  ComputeUsage,
  StorageUsage,
  ServiceUsage,
  FootprintItem,
  ServiceFootprint,
  Cloud,
  CcfMachineSpec,
} from './types';
export {
  CCF_AWS,
  processorCoefficients,
  processorCoefficientsFrom,
  ec2InstanceType,
  resolveInstanceType,
  replicationFactor,
} from './coefficients';
export type {
  CcfAwsData,
  CcfCloudConstants,
  CcfSource,
  CcfInstanceType,
  ProcessorCoefficients,
  ProcessorTables,
  ResolvedType,
} from './coefficients';
export {
  CCF_GCP,
  gcpMachineType,
  gcpPue,
  gcpLocation,
} from './gcpCoefficients';
export type { CcfGcpData } from './gcpCoefficients';
export {
  CCF_AZURE,
  azureVmType,
  azureMeterName,
  azureRegion,
  azureDiskTier,
} from './azureCoefficients';
export type { CcfAzureData, CcfAzureVmType } from './azureCoefficients';
export { cloudModel, cloudOfRegion, emissionFactor } from './clouds';
export type { CloudModel, EmissionFactor } from './clouds';
export { RENEWABLE_SHARES, renewableShareOf } from './data/renewables';
export type { RenewableShare } from './data/renewables';
export { parseAwsCron, cronMatchesDate } from './cron';
export type { AwsCron } from './cron';
export {
  localTime,
  localWeek,
  zonedTimeToInstant,
  addDays,
  isValidTimeZone,
} from './timezone';
export type { LocalTime } from './timezone';
export { weeklyCapacity, constantCapacity } from './schedule';
export type { ScheduledAction } from './schedule';
export { readServiceUsage } from './usage';
export type { UsageOptions } from './usage';
export {
  computeItemFootprint,
  storageItemFootprint,
  networkFootprint,
  usesAverageProcessors,
} from './estimate';
export type { FormulaOptions } from './estimate';
export {
  DAYS_PER_MONTH,
  footprintFromUsage,
  estimateServiceFootprint,
} from './footprint';
export type { FootprintOptions } from './footprint';
export {
  DEFAULT_GREEN_BANDS,
  bandOfHour,
  greenBandMatrix,
  capacityMatrix,
} from './bands';
export type { GreenBand, GreenBands } from './bands';
export { DEFAULT_ADVICE_POLICY, adviseService, serviceHeatmap } from './advice';
export type { Heatmap } from './advice';
export type { Advice, AdviceKind, AdviceOptions } from './adviceRules';
export { rollupFootprints, rollupBy } from './rollup';
export { cloudWatchTargets } from './cloudWatchTargets';
export type {
  CloudWatchTarget,
  CloudWatchTargetKind,
} from './cloudWatchTargets';
export type { MeasuredUsage, MeasuredLoadBalancer } from './measured';
export type { LoadBalancerUsage, MeasuredSource, RegionFactors } from './types';
export {
  localIntensityMatrix,
  fillMatrix,
  intensityForRegion,
} from './intensity';
export type { IntensityPoint, GridIntensity, LocalMatrix } from './intensity';
export {
  GRID_ZONES,
  SWEDISH_ZONES,
  gridZoneOfRegion,
  zonesFor,
  yearlyIntensity,
} from './data/gridZones';
export type { GridZone } from './data/gridZones';
export { GREEN_HOURS_REACH, greenHoursSaving } from './greenHours';
export type { GreenHoursInput, GreenHoursSaving } from './greenHours';
export { analyseService } from './analyse';
export type { ServiceAnalysis, AnalyseOptions } from './analyse';
export type { FootprintRollup } from './rollup';
export {
  buildSustainabilityReport,
  daysInMonth,
  isReportMonth,
  previousMonth,
} from './report';
export type {
  MonthFigures,
  ReportDay,
  ReportOptimisation,
  ReportRenewableShare,
  ReportServiceInput,
  ReportServiceRow,
  ReportTrend,
  SustainabilityReport,
  SustainabilityReportInput,
} from './report';
export {
  figureText,
  reportFigures,
  sustainabilityReportCsv,
} from './reportFigures';
export type { ReportFigure, ReportUnit } from './reportFigures';
export { measuredRenewableShares } from './measuredRenewableShares';
export { gcpPredefinedMemoryGb } from './gcpMachineMemory';
