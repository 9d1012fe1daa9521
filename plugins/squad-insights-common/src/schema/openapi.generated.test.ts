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

  it('name only types of this package for the open parts of the spec', async () => {
    const spec = readFileSync(specPath, 'utf8').replace(
      'x-squad-insights-type: StateInventory',
      'x-squad-insights-type: "StateInventory; import x"',
    );
    await expect(renderOpenApiTypes(spec)).rejects.toThrow(
      /x-squad-insights-type must name an exported type of squad-insights-common.*StateInventory; import x/,
    );
  });
});
