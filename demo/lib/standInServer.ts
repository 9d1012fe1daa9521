/**
 * What the demo's stand-ins (Consul, CloudWatch, grid intensity) share: listening on a port
 * and closing with held connections, and starting from the command line. Each stand-in keeps
 * only the API it imitates.
 */
import type http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A listening stand-in: its base URL, and `close` that also ends held (blocking) requests. */
export interface ListeningStandIn {
  url: string;
  close(): Promise<void>;
}

/** Listens on `host:port` (port 0: any free port) and resolves once the port is bound. */
export async function listenStandIn(
  server: http.Server,
  options: { port: number; host?: string },
): Promise<ListeningStandIn> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      // Dropping the connections ends held queries; their 'close' handlers clear any timers.
      new Promise<void>((resolve, reject) => {
        server.close(err => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** The value after `--name` on the command line. */
export function commandLineOption(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/**
 * Starts a stand-in from the command line (`--port`, `--host`, plus what `start` reads),
 * printing where it listens, or why it could not start, and exiting 1 then.
 */
export function runStandInFromCommandLine(options: {
  name: string;
  defaultPort: number;
  describe: string;
  start(listen: { port: number; host?: string }): Promise<{ url: string }>;
}): void {
  options
    .start({
      port: Number(commandLineOption('port') ?? options.defaultPort),
      host: commandLineOption('host'),
    })
    .then(
      s =>
        console.log(
          `${options.name} stand-in listening on ${s.url} (${options.describe})`,
        ),
      e => {
        console.error(`${options.name} stand-in failed to start: ${e.message}`);
        process.exit(1);
      },
    );
}
