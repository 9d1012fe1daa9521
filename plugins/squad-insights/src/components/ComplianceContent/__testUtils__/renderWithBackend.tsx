import type { Entity } from '@backstage/catalog-model';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import {
  AuthorizeResult,
  EvaluatePermissionRequest,
} from '@backstage/plugin-permission-common';
import { SWRConfig } from 'swr';
import { SquadInsightsClient, squadInsightsApiRef } from '../../../api';
import { paymentProcessing } from './fixtures';

/** Where the msw handlers answer; the real client talks to it. */
export const BASE = 'http://backend/api/squad-insights';
export const ENTITY = `${BASE}/entities/default/component/payment-processing`;

/** The error body Backstage's backend error handler sends. */
export function errorBody(name: string, message: string, statusCode: number) {
  return {
    error: { name, message },
    request: { method: 'POST', url: '/api/squad-insights' },
    response: { statusCode },
  };
}

/**
 * Renders `element` on an entity page with the real client against msw, and a permission
 * API that allows exactly the permissions named in `allow`.
 */
export function renderWithBackend(
  element: JSX.Element,
  options: {
    allow?: string[];
    entity?: Entity;
    /** Decides instead of `allow`, e.g. to check the resource ref a permission is asked for. */
    authorize?: (
      request: EvaluatePermissionRequest,
    ) => AuthorizeResult.ALLOW | AuthorizeResult.DENY;
  } = {},
) {
  const client = new SquadInsightsClient({
    discoveryApi: { getBaseUrl: async () => BASE },
    fetchApi: { fetch: (...args: Parameters<typeof fetch>) => fetch(...args) },
  });
  const allow = new Set(options.allow ?? []);
  const authorize =
    options.authorize ??
    ((request: EvaluatePermissionRequest) =>
      allow.has(request.permission.name)
        ? AuthorizeResult.ALLOW
        : AuthorizeResult.DENY);
  // usePermission caches answers in SWR's process-wide cache and dedupes requests for 2 s:
  // without a fresh cache per render, a test would see the previous test's permissions.
  return renderInTestApp(
    <SWRConfig value={{ provider: () => new Map() }}>
      <EntityProvider entity={options.entity ?? paymentProcessing}>
        {element}
      </EntityProvider>
    </SWRConfig>,
    {
      apis: [[squadInsightsApiRef, client], mockApis.permission({ authorize })],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}
