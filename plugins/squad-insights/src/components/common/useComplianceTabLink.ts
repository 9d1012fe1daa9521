import { parseEntityRef } from '@backstage/catalog-model';
import { useRouteRef } from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { useCallback } from 'react';

/**
 * Returns a function giving the path of a service's Compliance tab (the
 * `entity-content:squad-insights/compliance` extension at `/compliance`), where a reviewer can
 * act on what a summary shows.
 *
 * @public
 */
export function useComplianceTabLink(): (entityRef: string) => string {
  const entityRoute = useRouteRef(entityRouteRef);
  return useCallback(
    (entityRef: string) => {
      const { kind, namespace, name } = parseEntityRef(entityRef);
      return `${entityRoute({
        kind: kind.toLocaleLowerCase('en'),
        namespace,
        name,
      })}/compliance`;
    },
    [entityRoute],
  );
}
