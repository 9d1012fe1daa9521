import {
  mockServices,
  startTestBackend,
  TestBackend,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import scaffolderModuleGithub from '@backstage/plugin-scaffolder-backend-module-github';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { scaffolderModuleSquad } from '../../module';
import { templateDir } from './paths';

/** What the scaffolder's dry-run answers: the rendered workspace and the task log. */
export interface DryRunResult {
  /** Workspace files by path (`service/...`, `infra/...`), as text. */
  files: Map<string, string>;
  /** Paths of files marked executable. */
  executables: Set<string>;
  /** The log lines of every step, in order. */
  log: Array<{ stepId?: string; status?: string; message: string }>;
  output: {
    links?: Array<{ title?: string; url?: string; entityRef?: string }>;
  };
}

/** Every file under the template's folder, as the template editor uploads it for a dry-run. */
function templateDirectoryContents() {
  const files: Array<{ path: string; base64Content: string }> = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else
        files.push({
          path: relative(templateDir, path),
          base64Content: readFileSync(path).toString('base64'),
        });
    }
  };
  walk(templateDir);
  return files;
}

/**
 * The real scaffolder backend with this module's actions and a catalog holding `entities`,
 * dry-running the template on disk through `POST /v2/dry-run`, as the template editor does.
 * No GitHub token is configured: no action calls GitHub in a dry-run.
 */
export async function startDryRunBackend(entities: Entity[]) {
  const backend: TestBackend = await startTestBackend({
    features: [
      scaffolderPlugin,
      // publish:github, as packages/backend loads it; it does not support dry-run, so the
      // scaffolder logs its rendered input and skips it.
      scaffolderModuleGithub,
      scaffolderModuleSquad,
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({
        data: { integrations: { github: [{ host: 'github.com' }] } },
      }),
    ],
  });
  const template = parseYaml(
    readFileSync(join(templateDir, 'template.yaml'), 'utf8'),
  );
  const directoryContents = templateDirectoryContents();

  async function dryRun(
    values: Record<string, unknown>,
  ): Promise<DryRunResult> {
    const response = await fetch(
      `http://localhost:${backend.server.port()}/api/scaffolder/v2/dry-run`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          template,
          values,
          secrets: {},
          directoryContents,
        }),
      },
    );
    const body = await response.json();
    if (!response.ok) {
      throw new Error(
        `dry-run answered ${response.status}: ${
          body.error?.message ?? JSON.stringify(body)
        }`,
      );
    }
    const files = new Map<string, string>();
    const executables = new Set<string>();
    for (const file of body.directoryContents as Array<{
      path: string;
      base64Content: string;
      executable?: boolean;
    }>) {
      files.set(
        file.path,
        Buffer.from(file.base64Content, 'base64').toString('utf8'),
      );
      if (file.executable) executables.add(file.path);
    }
    const log = (body.log as Array<{ body: DryRunResult['log'][number] }>).map(
      l => l.body,
    );
    return { files, executables, log, output: body.output ?? {} };
  }

  return { dryRun, stop: () => backend.stop() };
}

/** The files of one repository of the workspace (`service` or `infra`), by path inside it. */
export function repositoryFiles(
  result: DryRunResult,
  folder: 'service' | 'infra',
) {
  const prefix = `${folder}/`;
  return new Map(
    [...result.files]
      .filter(([path]) => path.startsWith(prefix))
      .map(([path, text]) => [path.slice(prefix.length), text]),
  );
}

/**
 * The input a step ran with, as the dry-run logs it ("Running <action> in dry-run mode with
 * inputs (secrets redacted): {...}"); undefined when the step did not run.
 */
export function stepInput(
  result: DryRunResult,
  stepId: string,
): Record<string, unknown> | undefined {
  const line = result.log.find(
    l =>
      l.stepId === stepId && l.message.includes('in dry-run mode with inputs'),
  );
  return line
    ? JSON.parse(line.message.slice(line.message.indexOf('{')))
    : undefined;
}

/** The last status the log gives a step: `completed`, `skipped`, `failed`... */
export function stepStatus(
  result: DryRunResult,
  stepId: string,
): string | undefined {
  return result.log.filter(l => l.stepId === stepId && l.status).pop()?.status;
}
