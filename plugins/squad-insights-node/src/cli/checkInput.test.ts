import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readComponentEntity } from './checkInput';

describe('readComponentEntity', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'check-input-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function file(text: string) {
    const path = join(dir, 'catalog-info.yaml');
    writeFileSync(path, text);
    return path;
  }

  it('reads the first Component, past other documents, with its annotations', async () => {
    const path = file(`kind: Group
metadata: { name: payments }
---
kind: Component
metadata:
  name: payment-processing
  annotations:
    squad-insights.io/data-classification: confidential
spec:
  owner: group:default/payments
`);
    await expect(readComponentEntity(path)).resolves.toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'payment-processing',
        annotations: {
          'squad-insights.io/data-classification': 'confidential',
        },
      },
      spec: { owner: 'group:default/payments' },
    });
  });

  it('names the file and the annotation whose value is not a string', async () => {
    const path = file(`kind: Component
metadata:
  name: payment-processing
  annotations:
    squad-insights.io/record-retention: 7
`);
    await expect(readComponentEntity(path)).rejects.toThrow(
      `${path}: metadata.annotations.squad-insights.io/record-retention must be a string, got 7`,
    );
  });

  it('says so when no document is a Component with a name', async () => {
    const path = file(`kind: Component
metadata: { title: nameless }
`);
    await expect(readComponentEntity(path)).rejects.toThrow(
      `${path}: no Component with a metadata.name`,
    );
  });
});
