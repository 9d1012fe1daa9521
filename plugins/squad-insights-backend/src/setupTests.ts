import type { createOpenApiRouter as CreateOpenApiRouter } from './schema/openapi/generated/openapi';

/*
 * In every test, the router checks each JSON response against src/schema/openapi.yaml too
 * (production validates requests only): a body the spec does not allow is answered with a
 * 500 naming the field, so every API test that expects a 200 also proves the spec true.
 */
jest.mock('./schema/openapi/generated/openapi', () => {
  const actual = jest.requireActual('./schema/openapi/generated/openapi');
  const createOpenApiRouter: typeof CreateOpenApiRouter = options =>
    actual.createOpenApiRouter({
      ...options,
      validatorOptions: {
        ...options?.validatorOptions,
        validateResponses: true,
      },
    });
  return { ...actual, createOpenApiRouter };
});
