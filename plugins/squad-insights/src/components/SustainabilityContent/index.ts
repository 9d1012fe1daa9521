export { SustainabilityContent } from './SustainabilityContent';
