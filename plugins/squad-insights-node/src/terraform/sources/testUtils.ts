import type { Readable } from 'node:stream';

// Test helpers only (not exported from the package).

/** Reads a whole state body as text. */
export async function readAll(body: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

/** A small but realistic Terraform state document. */
export function sampleState(serial = 3): string {
  return JSON.stringify({
    version: 4,
    terraform_version: '1.9.5',
    serial,
    lineage: '8f2b6a3e-4c1d-4f7e-9a0b-5d6c7e8f9a01',
    outputs: {},
    resources: [
      {
        mode: 'managed',
        type: 'aws_sqs_queue',
        name: 'payments',
        provider: 'provider["registry.terraform.io/hashicorp/aws"]',
        instances: [
          { schema_version: 0, attributes: { name: 'payments-prod' } },
        ],
      },
    ],
    check_results: null,
  });
}
