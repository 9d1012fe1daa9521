import { HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { ServiceProfileService } from './services/ServiceProfileService';

/** Thin HTTP layer: credentials in, service call, JSON out. */
export async function createRouter(options: {
  httpAuth: HttpAuthService;
  serviceProfile: ServiceProfileService;
}): Promise<express.Router> {
  const { httpAuth, serviceProfile } = options;
  const router = Router();
  router.use(express.json());

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/entities/:namespace/:kind/:name/profile', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const { namespace, kind, name } = req.params;
    res.json(await serviceProfile.getProfile({ namespace, kind, name }, { credentials }));
  });

  return router;
}
