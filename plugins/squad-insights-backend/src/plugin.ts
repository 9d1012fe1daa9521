import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { createRouter } from './router';
import { serviceProfileServiceRef } from './services/ServiceProfileService';

/**
 * The Squad Insights backend plugin: wiring only.
 *
 * @public
 */
export const squadInsightsPlugin = createBackendPlugin({
  pluginId: 'squad-insights',
  register(env) {
    env.registerInit({
      deps: {
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        serviceProfile: serviceProfileServiceRef,
      },
      async init({ httpAuth, httpRouter, serviceProfile }) {
        httpRouter.use(await createRouter({ httpAuth, serviceProfile }));
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
