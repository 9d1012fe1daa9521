/*
 * Generates src/schema/openapi.generated.ts from the backend's src/schema/openapi.yaml: the
 * request and response types of every route, for the backend's typed router, its services
 * and the web client alike, so that none of them can drift from the spec.
 *
 * openapi-typescript runs in Node (no Java). A spec object may name, with
 * `x-squad-insights-type`, the type of this package that computes it (a compliance check
 * result, a footprint, an inventory): the generated type is then that type, imported here.
 *
 *   yarn --cwd plugins/squad-insights-common generate:openapi-types
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import type { OpenAPI3 } from 'openapi-typescript';
import ts from 'typescript';
import { parse } from 'yaml';

export const specPath = resolve(
  __dirname,
  '../../squad-insights-backend/src/schema/openapi.yaml',
);
export const generatedPath = resolve(
  __dirname,
  '../src/schema/openapi.generated.ts',
);

/** The extension naming the type of this package that an open object of the spec is. */
const TYPE_EXTENSION = 'x-squad-insights-type';

/**
 * The type an `x-squad-insights-type` value names: an exported type of this package, or an
 * indexed access into one (`ComplianceEvaluation['frameworks'][number]`).
 */
function typeNode(named: unknown): { base: string; node: ts.TypeNode } {
  const match =
    typeof named === 'string'
      ? /^([A-Z][A-Za-z0-9]*)((?:\['[A-Za-z0-9]+'\]|\[number\])*)$/.exec(named)
      : null;
  if (!match) {
    throw new Error(
      `${TYPE_EXTENSION} must name an exported type of squad-insights-common, optionally indexed (Type['key'][number]); got ${JSON.stringify(
        named,
      )}`,
    );
  }
  let node: ts.TypeNode = ts.factory.createTypeReferenceNode(match[1]);
  for (const [, key] of match[2].matchAll(/\[([^\]]+)\]/g)) {
    node = ts.factory.createIndexedAccessTypeNode(
      node,
      key === 'number'
        ? ts.factory.createKeywordTypeNode(ts.SyntaxKind.NumberKeyword)
        : ts.factory.createLiteralTypeNode(
            ts.factory.createStringLiteral(key.slice(1, -1), true),
          ),
    );
  }
  return { base: match[1], node };
}

export async function renderOpenApiTypes(yamlText: string): Promise<string> {
  const spec = parse(yamlText) as OpenAPI3;
  const imports = new Set<string>();
  const ast = await openapiTS(spec, {
    // A parameter with a default may still be left out by the caller.
    defaultNonNullable: false,
    transform(schemaObject) {
      const named = (schemaObject as Record<string, unknown>)[TYPE_EXTENSION];
      if (named === undefined) return undefined;
      const type = typeNode(named);
      imports.add(type.base);
      return type.node;
    },
  });
  const sorted = [...imports].sort();
  return `// GENERATED from plugins/squad-insights-backend/src/schema/openapi.yaml by
// scripts/generateOpenApiTypes.ts. Do not edit.
/* eslint-disable */
${
  sorted.length
    ? `import type {\n${sorted
        .map(name => `  ${name},\n`)
        .join('')}} from '../index';\n`
    : ''
}
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
