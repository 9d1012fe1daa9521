/*
 * Asking the portal's deployment gate (`POST /api/squad-insights/entities/.../gate`) from a
 * pipeline. Everything that keeps the pipeline from getting an answer is a GateUnavailableError:
 * the CLI exits 2 for it, so "could not ask" is never mistaken for "denied" (exit 1).
 */
import type { GateDecision } from '@squad-insights/backstage-plugin-squad-insights-common';

/** Why the gate could not be asked; the message says what to fix. */
export class GateUnavailableError extends Error {}

/** A decision as the portal answers it (GateDecision in the backend's openapi.yaml). */
export type PortalGateDecision = Pick<
  GateDecision,
  'allowed' | 'environment' | 'reasons'
> & {
  id: string;
  entityRef: string;
  commit: string;
  failClosed?: boolean;
  overrideId?: string;
};

export interface GateRequest {
  portal: string;
  entityRef: string;
  environment: string;
  commit: string;
  plan?: unknown;
  stateReference?: string;
  token: string;
  fetchImpl?: typeof fetch;
}

function gateUrl(portal: string, entityRef: string): string {
  // [kind:][namespace/]name, as Backstage writes entity refs; kind defaults to component.
  const match = /^(?:([^:/]+):)?(?:([^:/]+)\/)?([^:/]+)$/.exec(
    entityRef.trim(),
  );
  if (!match) {
    throw new GateUnavailableError(
      `--entity: "${entityRef}" is not an entity ref such as component:default/payment-processing`,
    );
  }
  const ref = {
    kind: match[1] ?? 'component',
    namespace: match[2] ?? 'default',
    name: match[3],
  };
  let base: URL;
  try {
    base = new URL(portal.endsWith('/') ? portal : `${portal}/`);
  } catch {
    throw new GateUnavailableError(`--portal: "${portal}" is not a URL`);
  }
  const path = [ref.namespace, ref.kind, ref.name]
    .map(encodeURIComponent)
    .join('/');
  return new URL(`api/squad-insights/entities/${path}/gate`, base).toString();
}

/** Backstage answers errors as `{ error: { name, message }, response: { statusCode } }`. */
async function errorMessage(res: Response): Promise<string> {
  const text = await res.text().catch(() => '');
  try {
    const body = JSON.parse(text);
    if (typeof body?.error?.message === 'string') return body.error.message;
  } catch {
    // Not Backstage's error shape (a proxy's HTML page): say the status only.
  }
  return res.statusText || 'no message';
}

export async function askGate(req: GateRequest): Promise<PortalGateDecision> {
  const url = gateUrl(req.portal, req.entityRef);
  const doFetch = req.fetchImpl ?? fetch;
  let res: Response;
  try {
    res = await doFetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${req.token}`,
      },
      body: JSON.stringify({
        environment: req.environment,
        commit: req.commit,
        ...(req.plan !== undefined && { plan: req.plan }),
        ...(req.stateReference && { stateReference: req.stateReference }),
      }),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } })
      .cause;
    throw new GateUnavailableError(
      `portal ${req.portal} is unreachable: ${
        cause?.code ?? cause?.message ?? (error as Error).message
      }`,
    );
  }
  if (!res.ok) {
    throw new GateUnavailableError(
      `portal ${req.portal} answered ${res.status}: ${await errorMessage(res)}`,
    );
  }
  const body = (await res.json().catch(() => undefined)) as
    | PortalGateDecision
    | undefined;
  if (typeof body?.allowed !== 'boolean' || !Array.isArray(body.reasons)) {
    throw new GateUnavailableError(
      `portal ${req.portal} answered 200 without a gate decision`,
    );
  }
  return body;
}
