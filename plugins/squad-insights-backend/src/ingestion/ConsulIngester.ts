import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  ConsulClient,
  ConsulWatch,
  watchService,
  watchServices,
} from '@squad-insights/backstage-plugin-squad-insights-node';
import type { FactsStore } from '../database/FactsStore';

/**
 * Keeps the stored Consul views current with long-lived blocking queries: one watch on the
 * service list and one per service, so a change in Consul reaches the facts within seconds
 * without polling. When Consul fails, the last good views stay and the error is recorded.
 *
 * @public
 */
export class ConsulIngester {
  private readonly watches = new Map<string, ConsulWatch>();
  private servicesWatch?: ConsulWatch;

  static create(options: {
    client: ConsulClient;
    store: FactsStore;
    logger: LoggerService;
  }) {
    return new ConsulIngester(options.client, options.store, options.logger);
  }

  private constructor(
    private readonly client: ConsulClient,
    private readonly store: FactsStore,
    private readonly logger: LoggerService,
  ) {}

  start(): void {
    this.servicesWatch = watchServices(
      async services => this.follow(Object.keys(services)),
      {
        client: this.client,
        onError: error => this.failed('*', error),
      },
    );
  }

  async stop(): Promise<void> {
    await Promise.all([
      this.servicesWatch?.stop(),
      ...[...this.watches.values()].map(w => w.stop()),
    ]);
    this.client.close();
  }

  private async follow(names: string[]) {
    // Sidecar proxies are facts of the service they serve, read through its view.
    const wanted = new Set(
      names.filter(n => !n.endsWith('-sidecar-proxy') && n !== 'consul'),
    );
    for (const name of wanted) {
      if (this.watches.has(name)) continue;
      this.watches.set(
        name,
        watchService(
          name,
          async view => {
            await this.store.saveConsulView({
              serviceName: name,
              view: view ?? null,
              consulIndex: view?.index,
              at: new Date(),
            });
          },
          { client: this.client, onError: error => this.failed(name, error) },
        ),
      );
    }
    for (const [name, watch] of this.watches) {
      if (!wanted.has(name)) {
        // Deregistered: that is a fact, not a failure, so it is stored as "not registered".
        await watch.stop();
        this.watches.delete(name);
        await this.store.saveConsulView({
          serviceName: name,
          view: null,
          at: new Date(),
        });
      }
    }
  }

  private failed(name: string, error: Error): void {
    this.logger.warn(`Consul watch of ${name} failed: ${error.message}`);
    // The service list failing says nothing of a service's view: its own watch keeps that,
    // and records its own failures (and clears them with its next good read). Recorded here,
    // a list failure would stay on every service until each one's index next moved.
    if (name === '*') return;
    // The watch retries by itself; recording the error must never break that loop.
    this.store
      .recordConsulError(name, error.message, new Date())
      .catch(e => this.logger.error(`Could not record Consul error: ${e}`));
  }
}
