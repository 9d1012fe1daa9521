import fs from 'node:fs';
import path from 'node:path';
import { corpusDir } from '../../../__testUtils__/corpusLocation';

// Test helpers only (not exported from the package). Tests using these must run inside
// describeCorpus/itCorpus (src/__testUtils__/corpus.ts): the corpus may be missing.

/** The Terraform corpus: real state files from public repositories, listed in INDEX.csv. */
export const TERRAFORM_CORPUS = path.join(corpusDir(), 'terraform');

/** One row of `corpus/terraform/INDEX.csv`. */
export interface CorpusRow {
  file: string;
  source_repo: string;
  source_path: string;
  state_format_version: string;
  terraform_version: string;
  resource_count: string;
  notable_resource_types: string;
  size_bytes: string;
  source_commit: string;
  kind: string;
  upstream_assertion: string;
}

/** RFC 4180 fields: commas inside double quotes, `""` for a quote. */
function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (c === ',' && !quoted) {
      fields.push(field);
      field = '';
    } else {
      field += c;
    }
  }
  fields.push(field);
  return fields;
}

/** Every row of the Terraform corpus index. */
export function corpusRows(): CorpusRow[] {
  const text = fs.readFileSync(
    path.join(TERRAFORM_CORPUS, 'INDEX.csv'),
    'utf8',
  );
  const [header, ...lines] = text.split(/\r?\n/).filter(l => l.trim());
  const names = splitCsvLine(header);
  return lines.map(line => {
    const values = splitCsvLine(line);
    return Object.fromEntries(
      names.map((n, i) => [n, values[i] ?? '']),
    ) as unknown as CorpusRow;
  });
}

/** The absolute path of a corpus file named as in INDEX.csv. */
export function corpusPath(file: string): string {
  return path.join(TERRAFORM_CORPUS, file);
}

/** The bytes of a corpus file. */
export function readCorpus(file: string): Buffer {
  return fs.readFileSync(corpusPath(file));
}

/** The context a corpus file is parsed with: errors then name `corpus:<file>`. */
export function corpusContext(file: string) {
  return { sourceId: 'corpus', key: file };
}
