import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The two folders fetch:template leaves in the workspace, with files like the skeletons'. */
export const serviceFiles: Record<string, string> = {
  'package.json': `${JSON.stringify(
    {
      name: 'payment-gateway',
      version: '0.1.0',
      scripts: { start: 'node dist/index.js', test: 'node --test' },
    },
    null,
    2,
  )}\n`,
  'src/index.ts':
    "import { createServer } from 'node:http';\n\ncreateServer((req, res) => {\n  res.writeHead(req.url === '/health' || req.url === '/ready' ? 200 : 404).end();\n}).listen(8080);\n",
  Dockerfile:
    'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nCMD ["node", "dist/index.js"]\n',
  'catalog-info.yaml':
    'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: payment-gateway\nspec:\n  type: service\n  lifecycle: experimental\n  owner: group:default/payments\n',
  '.github/workflows/ci.yml':
    'name: ci\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm test\n',
  'k8s/deployment.yaml':
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: payment-gateway\n',
};

export const infraFiles: Record<string, string> = {
  'main.tf':
    'module "service" {\n  source = "./modules/squad-service"\n  name   = "payment-gateway"\n}\n',
  'backend.tf':
    'terraform {\n  backend "s3" {\n    key = "payment-gateway-infra/terraform.tfstate"\n  }\n}\n',
  'scripts/plan.sh': '#!/bin/sh\nset -eu\nterraform plan -out plan.tfplan\n',
};

/** A workspace with `service/` and `infra/` folders; `scripts/plan.sh` is executable. */
export function createWorkspace(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'squad-publish-'));
  for (const [folder, files] of [
    ['service', serviceFiles],
    ['infra', infraFiles],
  ] as const) {
    for (const [file, content] of Object.entries(files)) {
      const full = path.join(root, folder, file);
      fs.mkdirSync(path.dirname(full), { recursive: true });
      fs.writeFileSync(full, content);
    }
  }
  fs.chmodSync(path.join(root, 'infra/scripts/plan.sh'), 0o755);
  return root;
}
