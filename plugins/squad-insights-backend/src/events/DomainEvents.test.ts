import { mockServices } from '@backstage/backend-test-utils';
import { DomainEvents } from './DomainEvents';

type Events = {
  'facts-changed': { sources: string[] };
  'decision-recorded': { entityRef: string };
};

describe('DomainEvents', () => {
  it('resolves publish only once every subscriber has handled the event', async () => {
    const events = new DomainEvents<Events>(mockServices.logger.mock());
    const handled: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>(r => (release = r));
    await events.subscribe('decision-recorded', async ({ entityRef }) => {
      await gate;
      handled.push(`first ${entityRef}`);
    });
    await events.subscribe('decision-recorded', ({ entityRef }) => {
      handled.push(`second ${entityRef}`);
    });

    let published = false;
    const publishing = events
      .publish('decision-recorded', { entityRef: 'component:default/a' })
      .then(() => (published = true));
    await Promise.resolve();
    expect(published).toBe(false);
    release();
    await publishing;
    expect(handled).toEqual([
      'first component:default/a',
      'second component:default/a',
    ]);
  });

  it('keeps events published before anyone subscribed and hands them to the first subscriber, in order', async () => {
    const events = new DomainEvents<Events>(mockServices.logger.mock());
    await events.publish('facts-changed', { sources: ['state:a'] });
    await events.publish('facts-changed', { sources: ['consul:b'] });
    await events.publish('decision-recorded', { entityRef: 'x' });

    const facts: string[][] = [];
    await events.subscribe('facts-changed', ({ sources }) => {
      facts.push(sources);
    });
    expect(facts).toEqual([['state:a'], ['consul:b']]);

    // Delivered once: a later subscriber only sees what is published after it.
    const late: string[][] = [];
    await events.subscribe('facts-changed', ({ sources }) => {
      late.push(sources);
    });
    await events.publish('facts-changed', { sources: ['state:c'] });
    expect(late).toEqual([['state:c']]);
    expect(facts).toEqual([['state:a'], ['consul:b'], ['state:c']]);

    // Another name keeps its own events until its subscriber comes.
    const decisions: string[] = [];
    await events.subscribe('decision-recorded', ({ entityRef }) => {
      decisions.push(entityRef);
    });
    expect(decisions).toEqual(['x']);
  });

  it('logs a failing subscriber and still runs the others; the publisher does not fail', async () => {
    const logger = mockServices.logger.mock();
    const events = new DomainEvents<Events>(logger);
    const handled: string[] = [];
    await events.subscribe('decision-recorded', async () => {
      throw new Error('catalog unreachable');
    });
    await events.subscribe('decision-recorded', ({ entityRef }) => {
      handled.push(entityRef);
    });
    await expect(
      events.publish('decision-recorded', { entityRef: 'y' }),
    ).resolves.toBeUndefined();
    expect(handled).toEqual(['y']);
    expect(logger.warn).toHaveBeenCalledWith(
      'Handling the "decision-recorded" event failed: Error: catalog unreachable',
    );
  });
});
