import type { LoggerService } from '@backstage/backend-plugin-api';

type Handler<T> = (event: T) => Promise<void> | void;

/** Events of one name kept while it has no subscriber; beyond this the oldest go. */
const MAX_PENDING = 10_000;

/**
 * A small typed in-process event bus. Stores publish what they wrote, and features that react
 * (the portfolio refresh) subscribe, so writers need not know who listens.
 *
 * `publish` resolves once every subscriber has handled the event: an API call that records a
 * decision answers after the verdict it changes is stored. A subscriber that throws is logged,
 * never fails the write that published.
 *
 * Nothing is lost to wiring order: events of a name published before anyone subscribed to it
 * are kept and handed to its first subscriber when it subscribes.
 */
export class DomainEvents<E extends Record<string, unknown>> {
  private readonly handlers = new Map<keyof E, Handler<any>[]>();
  private readonly pending = new Map<keyof E, unknown[]>();

  constructor(private readonly logger: LoggerService) {}

  /**
   * Subscribes to events named `name`. The first subscriber of a name also receives, in
   * order, the events published before it; the returned promise resolves once they are handled.
   */
  subscribe<K extends keyof E>(name: K, handler: Handler<E[K]>): Promise<void> {
    const handlers = this.handlers.get(name) ?? [];
    handlers.push(handler);
    this.handlers.set(name, handlers);
    const missed = this.pending.get(name) ?? [];
    this.pending.delete(name);
    return missed.reduce<Promise<void>>(
      (previous, event) =>
        previous.then(() => this.deliver(name, handler, event as E[K])),
      Promise.resolve(),
    );
  }

  async publish<K extends keyof E>(name: K, event: E[K]): Promise<void> {
    const handlers = this.handlers.get(name);
    if (!handlers?.length) {
      const pending = this.pending.get(name) ?? [];
      pending.push(event);
      if (pending.length > MAX_PENDING) {
        pending.shift();
        this.logger.warn(
          `More than ${MAX_PENDING} "${String(
            name,
          )}" events before any subscriber; the oldest was dropped`,
        );
      }
      this.pending.set(name, pending);
      return;
    }
    for (const handler of handlers) await this.deliver(name, handler, event);
  }

  private async deliver<K extends keyof E>(
    name: K,
    handler: Handler<E[K]>,
    event: E[K],
  ): Promise<void> {
    try {
      await handler(event);
    } catch (error) {
      this.logger.warn(`Handling the "${String(name)}" event failed: ${error}`);
    }
  }
}
