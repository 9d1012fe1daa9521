import fs from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

/*
 * The web plugin's tests answer the client from msw handlers with hand-written bodies. So that
 * a fixture cannot drift from the API, every JSON answer a test's backend gives under
 * /api/squad-insights is checked against the backend's openapi.yaml, the one definition of the
 * contract, and a test whose backend said something the spec does not allow fails.
 */

/** The backend's spec, read from the monorepo: these tests only run inside it. */
const SPEC_FILE = path.resolve(
  __dirname,
  '../../../squad-insights-backend/src/schema/openapi.yaml',
);
const API_PREFIX = '/api/squad-insights';

type Operation = {
  responses?: Record<
    string,
    { content?: Record<string, { schema?: unknown }> } | undefined
  >;
};
type Route = {
  pattern: RegExp;
  template: string;
  operations: Record<string, Operation>;
};

let compiled:
  | { ajv: Ajv; routes: Route[]; validators: Map<string, ValidateFunction> }
  | undefined;

function load() {
  if (compiled) return compiled;
  const spec = parse(fs.readFileSync(SPEC_FILE, 'utf8'));
  // OpenAPI 3.0 schemas are JSON Schema plus `nullable` (which Ajv knows) and keywords
  // such as `example` (not JSON Schema: strict mode off).
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ components: spec.components }, 'spec');
  const routes = Object.entries(
    spec.paths as Record<string, Record<string, Operation>>,
  ).map(([template, operations]) => ({
    template,
    operations,
    pattern: new RegExp(
      `^${template.replace(/\{[^}]+\}/g, '[^/]+').replace(/\//g, '\\/')}$`,
    ),
  }));
  compiled = { ajv, routes, validators: new Map() };
  return compiled;
}

/** Rewrites the spec's local `$ref`s to the document registered as `spec`. */
function withSpecRefs(schema: unknown): unknown {
  return JSON.parse(
    JSON.stringify(schema).replace(/"#\/components\//g, '"spec#/components/'),
  );
}

/**
 * Checks one answer against the spec. Returns a sentence naming what was wrong and where,
 * or undefined when the answer conforms or is not one of this plugin's JSON answers.
 */
export function specViolation(
  method: string,
  url: string,
  status: number,
  body: unknown,
): string | undefined {
  const { pathname } = new URL(url);
  const at = pathname.indexOf(API_PREFIX);
  if (at < 0) return undefined;
  const apiPath = pathname.slice(at + API_PREFIX.length) || '/';
  const { ajv, routes, validators } = load();
  const route = routes.find(r => r.pattern.test(apiPath));
  const where = `${method.toUpperCase()} ${apiPath} → ${status}`;
  if (!route) return `${where}: no such path in openapi.yaml`;
  const operation = route.operations[method.toLowerCase()];
  if (!operation) return `${where}: no such operation in openapi.yaml`;
  const response =
    operation.responses?.[String(status)] ?? operation.responses?.default;
  if (!response) {
    // Error answers the spec leaves undeclared follow Backstage's error body; only
    // successful answers must be declared.
    return status < 400 ? `${where}: status not declared` : undefined;
  }
  const schema = response.content?.['application/json']?.schema;
  if (!schema) return undefined;
  const key = `${method} ${route.template} ${status}`;
  let validate = validators.get(key);
  if (!validate) {
    validate = ajv.compile(withSpecRefs(schema) as object);
    validators.set(key, validate);
  }
  if (validate(body)) return undefined;
  const errors = (validate.errors ?? [])
    .slice(0, 3)
    .map(e => `${e.instancePath || '(body)'} ${e.message}`)
    .join('; ');
  return `${where}: ${errors}`;
}

/**
 * Wraps the `fetch` in use (msw's, once a test file's server listens) so that every JSON
 * answer is checked; returns the violations seen and a function restoring `fetch`.
 */
export function watchAnswers(): {
  violations: string[];
  restore: () => void;
} {
  const violations: string[] = [];
  const inner = globalThis.fetch;
  if (!inner) return { violations, restore: () => {} };
  const watched: typeof fetch = async (input, init) => {
    const response = await inner(input, init);
    const request = new Request(input, init);
    if (
      (response.headers.get('content-type') ?? '').includes('application/json')
    ) {
      const body = await response
        .clone()
        .json()
        .catch(() => undefined);
      const violation = specViolation(
        request.method,
        request.url,
        response.status,
        body,
      );
      if (violation) violations.push(violation);
    }
    return response;
  };
  globalThis.fetch = watched;
  return {
    violations,
    restore: () => {
      if (globalThis.fetch === watched) globalThis.fetch = inner;
    },
  };
}
