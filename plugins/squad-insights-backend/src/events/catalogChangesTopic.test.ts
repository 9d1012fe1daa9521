import { DefaultEventsService } from '@backstage/plugin-events-node';
import { mockServices } from '@backstage/backend-test-utils';
import {
  announceCatalogChanges,
  CATALOG_CHANGES_TOPIC,
} from './catalogChangesTopic';

describe('announceCatalogChanges', () => {
  it('tells subscribers of the topic on the events service, in other plugins too', async () => {
    const events = DefaultEventsService.create({
      logger: mockServices.logger.mock(),
    });
    const heard: string[] = [];
    await events.forPlugin('permission').subscribe({
      id: 'test',
      topics: [CATALOG_CHANGES_TOPIC],
      onEvent: async event => {
        heard.push(event.topic);
      },
    });
    const errors: unknown[] = [];
    announceCatalogChanges(events.forPlugin('squad-insights'), e =>
      errors.push(e),
    )();
    await new Promise(resolve => setImmediate(resolve));
    expect(heard).toEqual([CATALOG_CHANGES_TOPIC]);
    expect(errors).toEqual([]);
  });

  it('hands a failed publish to onError instead of throwing', async () => {
    const failure = new Error('bus down');
    const errors: unknown[] = [];
    announceCatalogChanges({ publish: () => Promise.reject(failure) }, e =>
      errors.push(e),
    )();
    await new Promise(resolve => setImmediate(resolve));
    expect(errors).toEqual([failure]);
  });
});
