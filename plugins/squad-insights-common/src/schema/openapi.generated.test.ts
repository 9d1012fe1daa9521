import { readFileSync } from 'node:fs';
import {
  generatedPath,
  renderOpenApiTypes,
  specPath,
} from '../../scripts/generateOpenApiTypes';

describe('generated OpenAPI types', () => {
  it('are in sync with the backend openapi.yaml (run `yarn generate:openapi-types` in this package)', async () => {
    expect(readFileSync(generatedPath, 'utf8')).toBe(
      await renderOpenApiTypes(readFileSync(specPath, 'utf8')),
    );
  });
});
