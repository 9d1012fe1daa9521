import { ConfigReader } from '@backstage/config';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LocalStateSource } from './LocalStateSource';
import { StateSourceError } from './StateSourceError';
import { readAll } from './testUtils';

describe('LocalStateSource', () => {
  let dir: string;
  let root: string;
  const state = JSON.stringify({
    version: 4,
    serial: 7,
    lineage: 'abc',
    resources: [],
  });

  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'local-state-'));
    root = path.join(dir, 'root');
    await fs.mkdir(path.join(root, 'payments'), { recursive: true });
    await fs.writeFile(path.join(root, 'payments', 'prod.tfstate'), state);
    await fs.writeFile(path.join(dir, 'secret.tfstate'), '{"secret":true}');
  });

  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  const source = () =>
    LocalStateSource.fromConfig(
      new ConfigReader({ id: 'disk', type: 'local', root }),
    );

  it('reads a state and gives a marker made of mtime and size', async () => {
    const stat = await fs.stat(path.join(root, 'payments', 'prod.tfstate'), {
      bigint: true,
    });
    const marker = await source().marker('payments/prod.tfstate');
    expect(marker).toBe(`${stat.mtimeNs}-${state.length}`);

    const result = await source().read('payments/prod.tfstate');
    expect(result?.marker).toBe(marker);
    expect(await readAll(result!.body)).toBe(state);
  });

  it('changes the marker when the file is rewritten', async () => {
    const before = await source().marker('payments/prod.tfstate');
    await fs.writeFile(
      path.join(root, 'payments', 'prod.tfstate'),
      `${state} `,
    );
    expect(await source().marker('payments/prod.tfstate')).not.toBe(before);
  });

  it('reports a missing file (or missing directory) as no state', async () => {
    await expect(
      source().marker('payments/none.tfstate'),
    ).resolves.toBeUndefined();
    await expect(
      source().read('nothing/here.tfstate'),
    ).resolves.toBeUndefined();
    await expect(
      source().read('payments/prod.tfstate/deeper'),
    ).resolves.toBeUndefined();
  });

  it('follows symlinks that stay inside the root', async () => {
    await fs.symlink(
      path.join(root, 'payments', 'prod.tfstate'),
      path.join(root, 'current.tfstate'),
    );
    const result = await source().read('current.tfstate');
    expect(await readAll(result!.body)).toBe(state);
  });

  it('refuses a symlink pointing outside the root', async () => {
    await fs.symlink(
      path.join(dir, 'secret.tfstate'),
      path.join(root, 'escape.tfstate'),
    );
    const error = await source()
      .read('escape.tfstate')
      .catch(e => e);
    expect(error).toBeInstanceOf(StateSourceError);
    expect(error.message).toBe(
      'Terraform state disk:escape.tfstate was refused: it resolves outside the source root',
    );
    await expect(source().marker('escape.tfstate')).rejects.toThrow(
      /outside the source root/,
    );
  });

  it('refuses a symlinked directory pointing outside the root', async () => {
    await fs.symlink(dir, path.join(root, 'up'));
    await expect(source().read('up/secret.tfstate')).rejects.toThrow(
      /outside the source root/,
    );
  });

  it('works when the root itself is reached through a symlink', async () => {
    const link = path.join(dir, 'link-to-root');
    await fs.symlink(root, link);
    const viaLink = LocalStateSource.create({ id: 'disk', root: link });
    expect(
      await readAll((await viaLink.read('payments/prod.tfstate'))!.body),
    ).toBe(state);
  });

  it('refuses a directory', async () => {
    await expect(source().read('payments')).rejects.toThrow(
      'Terraform state disk:payments is not a regular file',
    );
  });
});
