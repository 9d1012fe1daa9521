import { createBackend } from '@backstage/backend-defaults';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';

// Standalone development backend for this plugin, with mocked auth and a small catalog:
//
//   yarn start   (in this package), then
//   curl http://localhost:7007/api/squad-insights/entities/default/component/sample/profile
//   curl http://localhost:7007/api/squad-insights/health

const backend = createBackend();

// Mocked auth, so the API can be called without signing in.
backend.add(mockServices.auth.factory());
backend.add(mockServices.httpAuth.factory());

backend.add(
  catalogServiceMock.factory({
    entities: [
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: 'sample',
          title: 'Sample Component',
        },
        spec: {
          type: 'service',
        },
      },
    ],
  }),
);

backend.add(import('../src'));

backend.start();
