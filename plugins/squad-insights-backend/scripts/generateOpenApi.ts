/*
 * Generates src/schema/openapi/generated/openapi.ts from src/schema/openapi.yaml: the spec
 * as a TypeScript constant, which the router validates requests (and, in tests, responses)
 * against, and the router's route types, taken from the request and response types that
 * squad-insights-common generates from the same spec with openapi-typescript
 * (`yarn --cwd plugins/squad-insights-common generate:openapi-types`, run that one first).
 * `backstage-repo-tools package schema openapi generate` would need openapi-generator, whose
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
import { createValidatedOpenApiRouterFromGeneratedEndpointMap } from '@backstage/backend-openapi-utils';
import type { paths } from '@squad-insights/backstage-plugin-squad-insights-common';

export const spec = ${JSON.stringify(spec, null, 2)} as const;

type Method = 'get' | 'put' | 'post' | 'delete';
type Operation = {
  parameters: { path?: unknown; query?: unknown };
  requestBody?: unknown;
  responses: unknown;
};
type Json<T> = T extends { content: { 'application/json': infer Body } }
  ? Body
  : never;
type RequestJson<T> = undefined extends T
  ? Json<NonNullable<T>> | undefined
  : Json<T>;

/**
 * Each route as the typed router wants it ('#get|/path/{param}'), from the types of
 * squad-insights-common that openapi-typescript generates from the same spec, so that the
 * router, the services and the web client share one definition of every request and response.
 */
export type EndpointMap = {
  [Route in {
    [Path in keyof paths]: {
      [M in Method]: paths[Path][M] extends Operation
        ? \`#\${M extends 'delete' ? '_delete' : M}|\${Path}\`
        : never;
    }[Method];
  }[keyof paths]]: Route extends \`#\${infer M}|\${infer Path extends keyof paths}\`
    ? paths[Path][(M extends '_delete' ? 'delete' : M) & Method] extends infer Op extends Operation
      ? {
          path: NonNullable<Op['parameters']['path']>;
          query: NonNullable<Op['parameters']['query']>;
          body: RequestJson<Op['requestBody']>;
          response: Op['responses'] extends { 200: infer Ok } ? Json<Ok> : never;
        }
      : never
    : never;
};

export const createOpenApiRouter = async (
  options?: Parameters<
    typeof createValidatedOpenApiRouterFromGeneratedEndpointMap
  >['1'],
) =>
  createValidatedOpenApiRouterFromGeneratedEndpointMap<EndpointMap>(
    spec,
    options,
  );
`;
}

if (require.main === module) {
  writeFileSync(
    generatedPath,
    renderGeneratedSpec(readFileSync(specPath, 'utf8')),
  );
  process.stdout.write(`wrote ${generatedPath}\n`);
}
