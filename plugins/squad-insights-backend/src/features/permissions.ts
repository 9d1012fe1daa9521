import { squadInsightsPermissions } from '@squad-insights/backstage-plugin-squad-insights-common';
import {
  complianceRecordResourceRef,
  createComplianceRecordLoader,
} from '../permissions/resource';
import { complianceRecordRules } from '../permissions/rules';
import type { PluginDeps } from './types';

/**
 * Every permission is a resource permission of the compliance record, so a policy can answer
 * with conditions (owner, tribe, framework) that are applied to the record here.
 */
export function registerPermissions(
  deps: Pick<PluginDeps, 'permissionsRegistry' | 'catalog' | 'auth'>,
) {
  deps.permissionsRegistry.addResourceType({
    resourceRef: complianceRecordResourceRef,
    permissions: squadInsightsPermissions,
    rules: Object.values(complianceRecordRules),
    getResources: createComplianceRecordLoader({
      catalog: deps.catalog,
      auth: deps.auth,
    }),
  });
}
