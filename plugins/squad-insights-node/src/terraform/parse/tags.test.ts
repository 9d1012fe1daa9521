import { parseBoth, v4Resource, v4State } from './__testUtils__/states';
import { deriveTags } from './tags';

describe('deriveTags', () => {
  it('merges tags_all with tags, the resource own tags winning', () => {
    expect(
      deriveTags({
        tags_all: { Team: 'default', Env: 'prod' },
        tags: { Team: 'payments' },
      }),
    ).toEqual({
      Team: 'payments',
      Env: 'prod',
    });
  });

  it('reads GCP labels (own over effective) and ignores network tags', () => {
    expect(
      deriveTags({
        tags: ['http-server'],
        effective_labels: { env: 'prod', goog: 'x' },
        labels: { env: 'dev' },
      }),
    ).toEqual({ env: 'dev', goog: 'x' });
  });

  it('reads autoscaling-group tag blocks and stringifies scalar values', () => {
    expect(
      deriveTags({
        tag: [{ key: 'Name', value: 'asg', propagate_at_launch: true }],
        tags: { n: 1, b: false, x: null, o: {} },
      }),
    ).toEqual({ Name: 'asg', n: '1', b: 'false' });
  });

  it('is empty without tags', () => {
    expect(deriveTags({})).toEqual({});
  });

  it('reaches the inventory, without secret-named tags', async () => {
    const inventory = await parseBoth(
      v4State([
        v4Resource(
          { type: 'azurerm_resource_group' },
          {
            location: 'westeurope',
            tags: { owner: 'squad-a', db_password: 'x' },
          },
        ),
      ]),
    );
    expect(inventory.resources[0].instances[0].tags).toEqual({
      owner: 'squad-a',
    });
  });
});
