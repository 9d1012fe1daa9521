/*
 * Generates src/schema/openapi/generated/openapi.ts from src/schema/openapi.yaml: the spec
 * as a TypeScript constant, from which `createValidatedOpenApiRouter` derives typed routes
 * and validates every request and response. This is the output `backstage-repo-tools
 * package schema openapi generate` produced before it switched to openapi-generator, whose
 * Java download cannot run on this project's machines.
 *
 *   yarn --cwd plugins/squad-insights-backend generate:openapi
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';

export const specPath = resolve(__dirname, '../src/schema/openapi.yaml');
export const generatedPath = resolve(
  __dirname,
  '../src/schema/openapi/generated/openapi.ts',
);

export function renderGeneratedSpec(yamlText: string): string {
  const spec = parse(yamlText);
  return `// GENERATED from src/schema/openapi.yaml by scripts/generateOpenApi.ts. Do not edit.
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';

export const spec = ${JSON.stringify(spec, null, 2)} as const;

export const createOpenApiRouter = async (
  options?: Parameters<typeof createValidatedOpenApiRouter>['1'],
) => createValidatedOpenApiRouter<typeof spec>(spec, options);
`;
}

if (require.main === module) {
  writeFileSync(
    generatedPath,
    renderGeneratedSpec(readFileSync(specPath, 'utf8')),
  );
  process.stdout.write(`wrote ${generatedPath}\n`);
}
