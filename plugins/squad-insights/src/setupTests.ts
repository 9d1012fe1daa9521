import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';
import { watchAnswers } from './__testUtils__/specConformance';

// On a loaded CI machine the first render of an app with lazily loaded extensions can take
// longer than Testing Library's default 1 s for findBy*/waitFor; stay under Jest's 5 s test
// timeout so a real failure still reports what was not found.
configure({ asyncUtilTimeout: 4_500 });

// Every JSON answer a test's msw backend gives the client must be one the API's spec allows
// (see __testUtils__/specConformance.ts). Wrapped per test: msw patches `fetch` in the test
// file's beforeAll, which runs before this beforeEach.
let answers: ReturnType<typeof watchAnswers> | undefined;
beforeEach(() => {
  answers = watchAnswers();
});
afterEach(() => {
  answers?.restore();
  const violations = answers?.violations ?? [];
  answers = undefined;
  if (violations.length) {
    throw new Error(
      `the test's backend answered outside openapi.yaml:\n  ${violations.join(
        '\n  ',
      )}`,
    );
  }
});
