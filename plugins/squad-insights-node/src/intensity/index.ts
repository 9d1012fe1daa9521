export { ElectricityMapsClient } from './ElectricityMapsClient';
export type { ElectricityMapsClientOptions } from './ElectricityMapsClient';
export { GridIntensityError } from './GridIntensityError';
export type { GridIntensityFailure } from './GridIntensityError';
export { electricityMapsProviderFactory, readIntensityClient } from './config';
export type {
  GridIntensityProvider,
  GridIntensityProviderFactory,
} from './types';
