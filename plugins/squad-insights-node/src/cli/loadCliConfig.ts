import { ConfigReader, type Config } from '@backstage/config';
import { loadConfig } from '@backstage/config-loader';
import { resolve } from 'node:path';

/**
 * Reads app-config files the way the backend does (includes, `${ENV}` substitution), so the
 * CLI sees exactly the sources the portal sees.
 */
export async function loadCliConfig(paths: string[]): Promise<Config> {
  const { appConfigs } = await loadConfig({
    configRoot: process.cwd(),
    configTargets: paths.map(p => ({ path: resolve(p) })),
  });
  return ConfigReader.fromConfigs(appConfigs);
}
