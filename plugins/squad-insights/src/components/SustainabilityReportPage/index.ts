export { SustainabilityReportPage } from './SustainabilityReportPage';
export {
  sustainabilityReportLink,
  SUSTAINABILITY_REPORT_PATH,
} from './reportLink';
