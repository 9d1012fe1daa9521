import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';

/** What the probes report about the running service. */
export interface ServiceInfo {
  name: string;
  version: string;
}

/**
 * The service's HTTP server. `/health` answers as long as the process serves requests
 * (the liveness probe); `/ready` only while `isReady()` holds, so Kubernetes and Consul stop
 * sending traffic during start-up and shutdown without restarting the pod.
 */
export function createService(options: {
  info: ServiceInfo;
  isReady: () => boolean;
}): Server {
  const { info, isReady } = options;
  return createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, { error: `${req.method} is not allowed on ${path}` }, { allow: 'GET, HEAD' });
      return;
    }
    switch (path) {
      case '/health':
        send(res, 200, { status: 'ok', service: info.name, version: info.version });
        return;
      case '/ready':
        if (isReady()) {
          send(res, 200, { status: 'ready', service: info.name, version: info.version });
        } else {
          send(res, 503, { status: 'not ready', service: info.name, version: info.version });
        }
        return;
      default:
        send(res, 404, { error: `no route for ${path}` });
    }
  });
}

function send(
  res: ServerResponse,
  status: number,
  body: Record<string, string>,
  headers: Record<string, string> = {},
) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}
