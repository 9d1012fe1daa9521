import { useEffect, useRef } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import {
  CompoundEntityRef,
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { SquadInsightsApi, squadInsightsApiRef } from '../../api';
import type { RetryableState } from './LoadFailure';

/** The per-entity reads that several cards of one page show. */
const READS = {
  profile: (api: SquadInsightsApi, ref: CompoundEntityRef) =>
    api.getServiceProfile(ref),
  compliance: (api: SquadInsightsApi, ref: CompoundEntityRef) =>
    api.getCompliance(ref),
  footprint: (api: SquadInsightsApi, ref: CompoundEntityRef) =>
    api.getFootprint(ref),
};

type Read = keyof typeof READS;
type ReadValue<R extends Read> = Awaited<ReturnType<(typeof READS)[R]>>;

/**
 * The answers of the page's cards, per API instance, by read and entity: kept while at least
 * one card that asked for it is mounted (`users`), dropped with the last one.
 */
type Shared = { users: number; answer?: Promise<unknown> };
const pages = new WeakMap<object, Map<string, Shared>>();

function entryOf(api: object, key: string): Shared {
  let entries = pages.get(api);
  if (!entries) {
    entries = new Map();
    pages.set(api, entries);
  }
  let entry = entries.get(key);
  if (!entry) {
    entry = { users: 0 };
    entries.set(key, entry);
  }
  return entry;
}

function release(api: object, key: string) {
  const entries = pages.get(api);
  const entry = entries?.get(key);
  if (entry && --entry.users <= 0) entries!.delete(key);
}

/** Starts (or, `fresh`, restarts) the read of an entry; a failed read is not shared on. */
function answerOf<T>(entry: Shared, load: () => Promise<T>, fresh: boolean) {
  if (entry.answer && !fresh) return entry.answer as Promise<T>;
  const answer = load();
  entry.answer = answer;
  answer.catch(() => {
    if (entry.answer === answer) entry.answer = undefined;
  });
  return answer;
}

/**
 * One of the entity's profile, compliance or footprint, read once for all the cards of the
 * page that show it: the overview's summary and ownership cards load separately (each its own
 * lazy chunk) and would otherwise each send the same requests. A card mounting while another
 * that shows the same read is mounted gets that card's answer, so the cards agree; once the
 * last of them unmounts the answer is dropped, and the next page view reads the current one.
 * `retry` always asks the backend again, and later cards share the new answer.
 */
export function useSharedEntityRequest<R extends Read>(
  read: R,
): RetryableState<ReadValue<R>> {
  const { entity } = useEntity();
  const api = useApi(squadInsightsApiRef);
  const key = `${read}\u0000${stringifyEntityRef(entity)}`;
  const fresh = useRef(false);
  // Declared before the read: effects run in order, so the card counts as a user first.
  useEffect(() => {
    entryOf(api, key).users += 1;
    return () => release(api, key);
  }, [api, key]);
  const state = useAsyncRetry(() => {
    const load = () =>
      READS[read](api, getCompoundEntityRef(entity)) as Promise<ReadValue<R>>;
    const restart = fresh.current;
    fresh.current = false;
    // No entry: the card is no longer mounted, and nothing is kept for it.
    const entry = pages.get(api)?.get(key);
    return entry ? answerOf(entry, load, restart) : load();
  }, [api, entity, key]);
  return {
    ...state,
    retry: () => {
      fresh.current = true;
      state.retry();
    },
  };
}
