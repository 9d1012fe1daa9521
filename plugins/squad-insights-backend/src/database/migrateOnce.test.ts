import { TestDatabases } from '@backstage/backend-test-utils';
import type { Knex } from 'knex';
import { DatabaseFactsStore } from './DatabaseFactsStore';
import { DatabaseGateStore } from './DatabaseGateStore';
import { migrateOnce } from './migrateOnce';

jest.setTimeout(60_000);

// knex builds a new migrator on each `migrate` access: count the runs of all of them.
function countMigrations(knex: Knex) {
  const migrator = knex.migrate;
  const latest = jest.spyOn(migrator, 'latest');
  jest.spyOn(knex, 'migrate', 'get').mockReturnValue(migrator);
  return latest;
}

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

describe('migrateOnce', () => {
  it('migrates once; the stores built from it share the client and do not migrate again', async () => {
    const knex = await databases.init('SQLITE_3');
    const latest = countMigrations(knex);
    const migrated = await migrateOnce({ getClient: async () => knex });
    expect(latest).toHaveBeenCalledTimes(1);
    expect(await knex.schema.hasTable('si_gate_decisions')).toBe(true);

    await DatabaseFactsStore.create({ database: migrated });
    await DatabaseGateStore.create({ database: migrated });
    expect(latest).toHaveBeenCalledTimes(1);
    expect(await migrated.getClient()).toBe(knex);
  });

  it('does not migrate when the portal skips migrations', async () => {
    const knex = await databases.init('SQLITE_3');
    const latest = countMigrations(knex);
    await migrateOnce({
      getClient: async () => knex,
      migrations: { skip: true },
    });
    expect(latest).not.toHaveBeenCalled();
  });
});
