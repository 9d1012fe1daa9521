import type { WireSchemas } from './api';
import type { operations } from './schema/openapi.generated';

/**
 * Most entity refs one `POST /compliance/summaries` request may ask for: several pages of the
 * catalog table, and a request body well under the backend's JSON limit.
 *
 * @public
 */
export const MAX_CATALOG_SUMMARY_REFS = 200;

/**
 * Body of `POST /api/squad-insights/compliance/summaries`: the entities of one page of a
 * catalog table, as entity refs.
 *
 * @public
 */
export type CatalogSummariesRequest =
  operations['GetCatalogSummaries']['requestBody']['content']['application/json'];

/**
 * What the catalog table shows of one entity. Either part is absent when unknown: the
 * service is not in the compliance portfolio (not a service, or not summarised yet), or no
 * Terraform state of it has been read — unknown, never zero.
 *
 * @public
 */
export type CatalogSummary = WireSchemas['CatalogSummary'];

/**
 * Body answering {@link CatalogSummariesRequest}: one item per requested entity the caller
 * may read in the catalog; entities the catalog hides from the caller are left out, as if
 * they did not exist.
 *
 * @public
 */
export type CatalogSummariesResponse =
  operations['GetCatalogSummaries']['responses'][200]['content']['application/json'];
