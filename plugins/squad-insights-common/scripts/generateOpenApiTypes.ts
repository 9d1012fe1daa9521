/*
 * Generates src/schema/openapi.generated.ts from the backend's src/schema/openapi.yaml: the
 * request and response types of every route, for the backend's typed router, its services
 * and the web client alike, so that none of them can drift from the spec.
 *
 * openapi-typescript runs in Node (no Java). Every schema is written out in the spec: the
 * package's domain types (inventory, check result, footprint, profile) are aliases of these.
 * Where a second definition has to stay (the policy file's zod schema, which validates input),
 * the compiler compares it with the spec's (see compliance/applicability.ts).
 *
 *   yarn --cwd plugins/squad-insights-common generate:openapi-types
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import type { OpenAPI3 } from 'openapi-typescript';
import { parse } from 'yaml';

export const specPath = resolve(
  __dirname,
  '../../squad-insights-backend/src/schema/openapi.yaml',
);
export const generatedPath = resolve(
  __dirname,
  '../src/schema/openapi.generated.ts',
);

export async function renderOpenApiTypes(yamlText: string): Promise<string> {
  const spec = parse(yamlText) as OpenAPI3;
  const ast = await openapiTS(spec, {
    // A parameter with a default may still be left out by the caller.
    defaultNonNullable: false,
  });
  return `// GENERATED from plugins/squad-insights-backend/src/schema/openapi.yaml by
// scripts/generateOpenApiTypes.ts. Do not edit.
/* eslint-disable */
${
  // Exported from the package: API Extractor wants every export's release tag.
  astToString(ast)
    .replace(/^export (interface|type) /gm, '/** @public */\nexport $1 ')
    // TSDoc, which API Extractor reads, knows neither tag: the text stays, the tags go.
    .replace(/@description /g, '')
    .replace(/ *\/\*\* @enum \{\w+\} \*\/\n/g, '')
    .replace(/\n *\* @enum \{\w+\}(?=\n)/g, '')
}`;
}

if (require.main === module) {
  renderOpenApiTypes(readFileSync(specPath, 'utf8')).then(
    text => {
      writeFileSync(generatedPath, text);
      process.stdout.write(`wrote ${generatedPath}\n`);
    },
    error => {
      process.stderr.write(`${error}\n`);
      process.exitCode = 1;
    },
  );
}
