import { profile } from '../components/ComplianceContent/__testUtils__/fixtures';
import { footprintAnswer } from './footprintAnswer';
import { specViolation } from './specConformance';

const ENTITY =
  'http://backend/api/squad-insights/entities/default/component/payment-processing';

describe('specViolation', () => {
  it('accepts answers the spec allows', () => {
    expect(specViolation('GET', `${ENTITY}/profile`, 200, profile)).toBe(
      undefined,
    );
    expect(
      specViolation('GET', `${ENTITY}/footprint`, 200, footprintAnswer()),
    ).toBe(undefined);
  });

  it('names the operation and the field of an answer the spec does not allow', () => {
    const { ownership, ...renamed } = profile;
    expect(
      specViolation('GET', `${ENTITY}/profile`, 200, {
        ...renamed,
        owner: ownership,
      }),
    ).toBe(
      "GET /entities/default/component/payment-processing/profile → 200: (body) must have required property 'ownership'",
    );
    expect(
      specViolation('GET', `${ENTITY}/footprint`, 200, {
        ...footprintAnswer(),
        stale: 'no',
      }),
    ).toMatch(/\/stale must be boolean/);
  });

  it('knows the paths and operations of the API, and leaves other hosts alone', () => {
    expect(specViolation('GET', `${ENTITY}/horoscope`, 200, {})).toMatch(
      /no such path in openapi.yaml/,
    );
    expect(specViolation('DELETE', `${ENTITY}/profile`, 200, {})).toMatch(
      /no such operation/,
    );
    expect(
      specViolation('GET', 'http://backend/api/catalog/entities', 200, []),
    ).toBe(undefined);
  });
});
