import express from 'express';
import request from 'supertest';
import { createOpenApiRouter } from './openapi/generated/openapi';

// setupTests.ts turns response validation on for every test; this proves it is on.
describe('responses in tests', () => {
  async function appAnswering(body: unknown) {
    const router = await createOpenApiRouter();
    // Untyped on purpose: the typed router would not let a wrong body compile.
    (router as express.Router).get('/health', (_req, res) => {
      res.json(body);
    });
    const app = express();
    app.use(router);
    app.use(
      (
        error: Error,
        _req: express.Request,
        res: express.Response,
        _next: express.NextFunction,
      ) => {
        res.status(500).json({ message: error.message });
      },
    );
    return app;
  }

  it('pass when the body is what the spec promises', async () => {
    const res = await request(await appAnswering({ status: 'ok' })).get(
      '/health',
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('fail with the field named when the body is not', async () => {
    const res = await request(await appAnswering({ status: 5 }))
      .get('/health')
      .expect(500);
    expect(res.body.message).toMatch(/status.*string/);
  });
});
