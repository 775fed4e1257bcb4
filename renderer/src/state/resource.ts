/**
 * Data several screens share (contracts, systems, the update check) loaded once and kept: a screen shows what is
 * already known at once and refreshes in the background, so no spinner blocks the main path.
 */
import { useEffect, useSyncExternalStore } from 'react';
import { toShownError, type ShownError } from '../lib/errors.js';

export interface ResourceState<T> {
  data: T | null;
  error: ShownError | null;
  loading: boolean;
}

export interface Resource<T> {
  get(): ResourceState<T>;
  subscribe(listener: () => void): () => void;
  /** Loads again; concurrent callers share one call. */
  refresh(): Promise<void>;
  /** Loads unless already loaded or loading. */
  ensure(): void;
  set(data: T): void;
  reset(): void;
}

const all = new Set<Resource<unknown>>();

export function createResource<T>(load: () => Promise<T>): Resource<T> {
  let state: ResourceState<T> = { data: null, error: null, loading: false };
  let inFlight: Promise<void> | null = null;
  let generation = 0;
  const listeners = new Set<() => void>();
  const publish = (next: ResourceState<T>) => {
    state = next;
    for (const l of listeners) l();
  };
  const resource: Resource<T> = {
    get: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    refresh() {
      if (inFlight !== null) return inFlight;
      const mine = generation;
      publish({ ...state, loading: true });
      inFlight = load().then(
        (data) => {
          // A sign-out while loading must not bring the old account's data back.
          if (mine === generation) publish({ data, error: null, loading: false });
        },
        (error: unknown) => {
          if (mine === generation) publish({ ...state, error: toShownError(error), loading: false });
        },
      );
      void inFlight.finally(() => {
        inFlight = null;
      });
      return inFlight;
    },
    ensure() {
      if (state.data === null && state.error === null && inFlight === null) void resource.refresh();
    },
    set(data) {
      publish({ data, error: null, loading: state.loading });
    },
    reset() {
      generation += 1;
      inFlight = null;
      publish({ data: null, error: null, loading: false });
    },
  };
  all.add(resource as Resource<unknown>);
  return resource;
}

/** Forgets everything loaded for the previous account. */
export function resetAllResources(): void {
  for (const r of all) r.reset();
}

export function useResource<T>(resource: Resource<T>): ResourceState<T> & { refresh: () => Promise<void> } {
  const state = useSyncExternalStore(resource.subscribe, resource.get);
  useEffect(() => resource.ensure(), [resource]);
  return { ...state, refresh: resource.refresh };
}
