import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { DomainEvents } from '../events/DomainEvents';
import { refreshPortfolioOnEvents } from '../events/refreshPortfolioOnEvents';
import type { SquadInsightsEvents } from '../events/SquadInsightsEvents';
import {
  createPortfolioWorld,
  worldService,
} from '../services/__testUtils__/portfolioWorld';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
const now = new Date('2026-11-26T08:00:00Z');
const asUser = { credentials: mockCredentials.user() };

describe.each(databases.eachSupportedId())(
  'the portfolio follows the catalog scanner on %s',
  databaseId => {
    async function setup() {
      const knex = await databases.init(databaseId);
      const world = await createPortfolioWorld(knex, { services: 8, now });
      const logger = mockServices.logger.mock();
      const events = new DomainEvents<SquadInsightsEvents>(logger);
      const portfolio = world.portfolio({ bulk: true, batchSize: 3 });
      await refreshPortfolioOnEvents({ events, portfolio, logger });
      const published: SquadInsightsEvents['catalog-services-changed'][] = [];
      await events.subscribe('catalog-services-changed', e => {
        published.push(e);
      });
      const listed = async () =>
        (await portfolio.getPortfolio({ limit: 100 }, asUser)).items
          .map(i => i.name)
          .sort();
      return { world, events, portfolio, published, listed };
    }
    const names = (...indexes: number[]) =>
      indexes.map(i => `service-${i}`).sort();

    it('lists a service added to the catalog and drops a removed one after one more pass', async () => {
      const { world, events, published, listed } = await setup();
      const scanner = world.scanner(events);
      // First pass: nothing in the portfolio yet, so every service is announced and listed.
      await scanner.scan();
      expect(await listed()).toEqual(names(0, 1, 2, 3, 4, 5, 6, 7));

      world.catalog.add(worldService(20));
      world.catalog.remove('component:default/service-3');
      await scanner.scan(); // no portfolio trigger: the pass's event is all it gets
      expect(published.at(-1)).toEqual({
        added: ['component:default/service-20'],
        removed: ['component:default/service-3'],
      });
      expect(await listed()).toEqual(names(0, 1, 2, 4, 5, 6, 7, 20));

      // A pass that sees no change announces nothing.
      const before = published.length;
      await scanner.scan();
      expect(published).toHaveLength(before);
    });

    it('after a restart, compares its first pass with the portfolio, so changes while down are not missed', async () => {
      const { world, events, portfolio, published, listed } = await setup();
      await portfolio.refreshAll();
      expect(await listed()).toEqual(names(0, 1, 2, 3, 4, 5, 6, 7));
      // While the backend was down: one service left, one arrived.
      world.catalog.remove('component:default/service-5');
      world.catalog.add(worldService(21));

      const restarted = world.scanner(events); // a new process: no previous pass
      await restarted.scan();
      expect(published).toEqual([
        {
          added: ['component:default/service-21'],
          removed: ['component:default/service-5'],
        },
      ]);
      expect(await listed()).toEqual(names(0, 1, 2, 3, 4, 6, 7, 21));
    });
  },
);
