import { readFileSync } from 'node:fs';
import {
  generatedPath,
  renderGeneratedSpec,
  specPath,
} from '../../scripts/generateOpenApi';

describe('generated OpenAPI router', () => {
  it('is in sync with openapi.yaml (run `yarn generate:openapi` in this package)', () => {
    expect(readFileSync(generatedPath, 'utf8')).toBe(
      renderGeneratedSpec(readFileSync(specPath, 'utf8')),
    );
  });
});
