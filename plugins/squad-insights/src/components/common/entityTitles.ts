import { useApiHolder } from '@backstage/core-plugin-api';
import {
  defaultEntityPresentation,
  EntityPresentationApi,
  entityPresentationApiRef,
} from '@backstage/plugin-catalog-react';
import { useEffect, useState } from 'react';

const EMPTY: ReadonlyMap<string, string> = new Map();

/**
 * The display names of entities (`Commerce` for `group:default/commerce-tribe`) as the catalog
 * shows them: through the presentation API when the app has one (it batches and caches), from
 * the ref alone otherwise. A name that cannot be resolved falls back to the ref's.
 *
 * @public
 */
export async function entityTitles(
  refs: Iterable<string>,
  presentation?: EntityPresentationApi,
): Promise<Map<string, string>> {
  const unique = [...new Set(refs)];
  const titles = await Promise.all(
    unique.map(async ref => {
      const fallback = defaultEntityPresentation(ref).primaryTitle;
      if (!presentation) return fallback;
      try {
        return (await presentation.forEntity(ref).promise).primaryTitle;
      } catch {
        return fallback;
      }
    }),
  );
  return new Map(unique.map((ref, i) => [ref, titles[i]]));
}

/** The presentation API of the app, if it has one (test apps and some old apps do not). */
export function useEntityPresentationApi(): EntityPresentationApi | undefined {
  return useApiHolder().get(entityPresentationApiRef);
}

/**
 * {@link entityTitles} of a list of refs, for labels such as filter options; empty until
 * they are resolved.
 *
 * @public
 */
export function useEntityTitles(
  refs: readonly string[] = [],
): ReadonlyMap<string, string> {
  const presentation = useEntityPresentationApi();
  const key = refs.join('\n');
  // The last names resolved, kept while the next ones load. State changes only when names
  // arrive: no refs means no render at all, where an async hook would set "loading" and its
  // empty result, each a synchronous render of the whole page that holds back its first rows.
  const [titles, setTitles] = useState<ReadonlyMap<string, string>>(EMPTY);
  useEffect(() => {
    if (!key) return undefined;
    let current = true;
    entityTitles(key.split('\n'), presentation).then(
      value => {
        if (current) setTitles(value);
      },
      () => {}, // names then stay refs
    );
    return () => {
      current = false;
    };
  }, [key, presentation]);
  return titles;
}
