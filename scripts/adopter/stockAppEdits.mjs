// The plugin READMEs' install steps, applied to a stock app from @backstage/create-app. Each
// edit names the README it follows; an edit whose anchor is missing fails with the file and
// the text it looked for, so a change in create-app's template shows here, not as a broken app.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function edit(file, fn) {
  const before = readFileSync(file, 'utf8');
  writeFileSync(file, fn(before));
}

function replaceOnce(text, anchor, replacement, file) {
  if (!text.includes(anchor))
    throw new Error(`${file}: expected to find ${JSON.stringify(anchor)}`);
  return text.replace(anchor, replacement);
}

/** The five packages: which workspace of the app each goes into (the READMEs' `yarn add`). */
export const PACKAGES = {
  backend: [
    '@squad-insights/backstage-plugin-squad-insights-backend',
    '@squad-insights/backstage-plugin-scaffolder-backend-module-squad',
  ],
  app: ['@squad-insights/backstage-plugin-squad-insights'],
  // -common and -node come in as dependencies of the others.
  indirect: [
    '@squad-insights/backstage-plugin-squad-insights-common',
    '@squad-insights/backstage-plugin-squad-insights-node',
  ],
};

/**
 * `yarn --cwd packages/<x> add <name>`, with the packs standing in for the registry: the
 * dependency gets the version's caret range, and a root `resolutions` entry points every
 * @squad-insights package (also those depended on by the others) at its pack.
 */
export function addPackages(appDir, packs) {
  const rootFile = join(appDir, 'package.json');
  const root = JSON.parse(readFileSync(rootFile, 'utf8'));
  root.resolutions = { ...root.resolutions };
  for (const [name, pack] of Object.entries(packs)) {
    root.resolutions[name] = `file:${pack.file}`;
  }
  // As in this repository: better-sqlite3 12 aborts on Node 24.19+ (TOOLCHAIN.md).
  root.resolutions['better-sqlite3'] = '^13.2.0';
  writeFileSync(rootFile, `${JSON.stringify(root, null, 2)}\n`);
  for (const [workspace, names] of [
    ['packages/backend', PACKAGES.backend],
    ['packages/app', PACKAGES.app],
  ]) {
    const file = join(appDir, workspace, 'package.json');
    const pkg = JSON.parse(readFileSync(file, 'utf8'));
    for (const name of names)
      pkg.dependencies[name] = `^${packs[name].version}`;
    writeFileSync(file, `${JSON.stringify(pkg, null, 2)}\n`);
  }
}

/** plugins/squad-insights-backend/README.md and scaffolder-backend-module-squad/README.md */
export function wireBackend(appDir) {
  const file = join(appDir, 'packages/backend/src/index.ts');
  edit(file, text => {
    let out = replaceOnce(
      text,
      "import { createBackend } from '@backstage/backend-defaults';",
      "import { createBackend } from '@backstage/backend-defaults';\n" +
        "import { squadInsightsPermissionPolicyModule } from '@squad-insights/backstage-plugin-squad-insights-backend';",
      file,
    );
    // "The permission policy shipped with the plugin, instead of the allow-all policy module"
    out = replaceOnce(
      out,
      "backend.add(\n  import('@backstage/plugin-permission-backend-module-allow-all-policy'),\n);",
      'backend.add(squadInsightsPermissionPolicyModule);',
      file,
    );
    return replaceOnce(
      out,
      'backend.start();',
      "backend.add(import('@squad-insights/backstage-plugin-squad-insights-backend'));\n" +
        "backend.add(import('@squad-insights/backstage-plugin-scaffolder-backend-module-squad'));\n\n" +
        'backend.start();',
      file,
    );
  });
}

/**
 * The frontend plugin needs no code with `app.packages: all` (create-app's default), as its
 * README says; this checks that the stock app still has it rather than assuming.
 */
export function checkAppDiscovery(appDir) {
  const file = join(appDir, 'app-config.yaml');
  if (!/^\s+packages: all$/m.test(readFileSync(file, 'utf8')))
    throw new Error(
      `${file} has no \`app.packages: all\`: add the plugin to createApp's features as its README says`,
    );
}

/**
 * The configuration the READMEs ask for (permission policy, Terraform sources with bindings)
 * and catalog locations of the demo organisation and the squad template, as
 * app-config.local.yaml, which create-app's start command loads after app-config.yaml.
 */
export function writeConfig(appDir, repoRoot, port) {
  const rules =
    '[Component, System, Domain, API, Resource, Location, Group, User, Template]';
  const location = target =>
    `    - type: file\n      target: ${repoRoot}/${target}\n      rules:\n        - allow: ${rules}`;
  const yaml = `# Written by scripts/adopter/installIntoStockApp.mjs: the Squad Insights configuration from
# the plugin READMEs, the demo organisation and the squad template (templates/squad-microservice).
app:
  baseUrl: http://localhost:${port}
backend:
  baseUrl: http://localhost:${port}
  listen:
    port: ${port}
  cors:
    origin: http://localhost:${port}
auth:
  providers:
    guest:
      # The demo's guest user (demo/catalog/org.yaml), a member of the Compliance Office.
      userEntityRef: user:default/guest
catalog:
  locations:
${location('demo/catalog/org.yaml')}
${location('demo/catalog/systems.yaml')}
${location('demo/catalog/services.yaml')}
${location('templates/squad-microservice/template.yaml')}
permission:
  enabled: true
squadInsights:
  permissions:
    reviewerGroups: [group:default/compliance-office]
  terraform:
    sources:
      - id: demo
        type: local
        root: ${repoRoot}/demo/terraform
        bindings:
          templates: ['{name}/terraform.tfstate']
`;
  writeFileSync(join(appDir, 'app-config.local.yaml'), yaml);
}
