import type { StateSourceFactory } from './StateSourceFactory';

// The same rule as source ids: a type shows up in log lines and in config paths.
const TYPE = /^[a-z0-9][a-z0-9_-]*$/i;

/**
 * The state source types a portal knows, each with the factory that builds its sources.
 * The backend plugin fills it with the built-ins first, then with the factories backend
 * modules added; a type can be registered once, so a module cannot silently replace a
 * built-in (or another module's) source.
 *
 * @public
 */
export class StateSourceFactoryRegistry {
  private readonly factories = new Map<string, StateSourceFactory>();

  constructor(factories: Iterable<StateSourceFactory> = []) {
    for (const factory of factories) this.add(factory);
  }

  /** Registers a factory; throws when its type is invalid or already registered. */
  add(factory: StateSourceFactory): void {
    if (!TYPE.test(factory.type)) {
      throw new Error(
        `Invalid Terraform state source type "${factory.type}": use letters, digits, - and _, starting with a letter or digit`,
      );
    }
    if (this.factories.has(factory.type)) {
      throw new Error(
        `Terraform state source type "${factory.type}" is registered twice; each type can have one factory`,
      );
    }
    this.factories.set(factory.type, factory);
  }

  /** The factory of a type; undefined when no one registered it. */
  get(type: string): StateSourceFactory | undefined {
    return this.factories.get(type);
  }

  /** The registered types, in registration order (built-ins first). */
  get types(): string[] {
    return [...this.factories.keys()];
  }
}
