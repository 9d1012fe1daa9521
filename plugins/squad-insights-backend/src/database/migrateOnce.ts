import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';

const migrationsDir = resolvePackagePath(
  '@squad-insights/backstage-plugin-squad-insights-backend',
  'migrations',
);

/**
 * Runs the plugin's migrations once (unless the portal skips them) and returns a database
 * service for the stores that hands out the same client and tells them to skip migrating:
 * every store's `create` would otherwise run the same migrations again.
 */
export async function migrateOnce(
  database: DatabaseService,
): Promise<DatabaseService> {
  const client = await database.getClient();
  if (!database.migrations?.skip) {
    await client.migrate.latest({ directory: migrationsDir });
  }
  return { getClient: async () => client, migrations: { skip: true } };
}
