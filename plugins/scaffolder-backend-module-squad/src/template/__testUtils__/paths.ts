import { resolve } from 'node:path';

/** The monorepo's root, found from this file so the tests run from any working directory. */
export const repoRoot = resolve(__dirname, '../../../../..');

/** The template under test, as it is registered in the catalog. */
export const templateDir = resolve(repoRoot, 'templates/squad-microservice');
