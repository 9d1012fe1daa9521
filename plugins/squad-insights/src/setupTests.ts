import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// On a loaded CI machine the first render of an app with lazily loaded extensions can take
// longer than Testing Library's default 1 s for findBy*/waitFor; stay under Jest's 5 s test
// timeout so a real failure still reports what was not found.
configure({ asyncUtilTimeout: 4_500 });
