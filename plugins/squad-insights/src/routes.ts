import { createRouteRef as createLegacyRouteRef } from '@backstage/core-plugin-api';
import { createRouteRef } from '@backstage/frontend-plugin-api';

/**
 * The Compliance review page, for the new frontend system: link to it with `useRouteRef`.
 *
 * @public
 */
export const complianceReviewRouteRef = createRouteRef();

/**
 * The same page for apps on the legacy frontend system, where route refs are a different type.
 *
 * @public
 */
export const legacyComplianceReviewRouteRef = createLegacyRouteRef({
  id: 'squad-insights:compliance-review',
});

/**
 * The monthly sustainability report page, for the new frontend system.
 *
 * @public
 */
export const sustainabilityReportRouteRef = createRouteRef();

/**
 * The same page for apps on the legacy frontend system.
 *
 * @public
 */
export const legacySustainabilityReportRouteRef = createLegacyRouteRef({
  id: 'squad-insights:sustainability-report',
});
