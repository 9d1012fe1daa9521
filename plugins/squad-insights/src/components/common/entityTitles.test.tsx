import { TestApiProvider } from '@backstage/frontend-test-utils';
import {
  defaultEntityPresentation,
  EntityPresentationApi,
  entityPresentationApiRef,
} from '@backstage/plugin-catalog-react';
import { act, render } from '@testing-library/react';
import { useEntityTitles } from './entityTitles';

const presentationApi: EntityPresentationApi = {
  forEntity(ref) {
    const snapshot = {
      ...defaultEntityPresentation(ref as string),
      primaryTitle: `Title of ${ref}`,
    };
    return { snapshot, promise: Promise.resolve(snapshot) };
  },
};

/** Renders the hook and records what each render returned. */
function renderTitles(refs: string[]) {
  const seen: Array<ReadonlyMap<string, string>> = [];
  function Probe() {
    seen.push(useEntityTitles(refs));
    return null;
  }
  render(
    <TestApiProvider apis={[[entityPresentationApiRef, presentationApi]]}>
      <Probe />
    </TestApiProvider>,
  );
  return seen;
}

// Lets the effects' promises settle and their renders happen.
const settle = () => act(() => new Promise(resolve => setTimeout(resolve)));

describe('useEntityTitles', () => {
  it('resolves the titles through the presentation API', async () => {
    const seen = renderTitles(['group:default/commerce-tribe']);
    await settle();
    expect(seen.at(-1)?.get('group:default/commerce-tribe')).toBe(
      'Title of group:default/commerce-tribe',
    );
  });

  // A page renders this hook at its top: every render it causes renders the whole page.
  it('renders nothing again when there is nothing to resolve', async () => {
    const seen = renderTitles([]);
    await settle();
    expect(seen).toHaveLength(1);
    expect(seen[0].size).toBe(0);
  });
});
