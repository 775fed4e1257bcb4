/** Small hooks shared by the screens: the current route, a ticking clock, an API event subscription. */
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { EventName, EventPayload } from '../../../shared/api/define.js';
import type { AppApi } from '../../../shared/contracts/app-api.js';
import { api } from '../api.js';
import { parseRoute, type Route } from '../lib/routes.js';

function subscribeHash(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribeHash, () => window.location.hash);
  return parseRoute(hash);
}

export function navigate(href: string): void {
  window.location.hash = href.replace(/^#/, '');
}

/** The time now, re-read every `everyMs` (countdowns, "today" on timelines). */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

export function useApiEvent<E extends EventName<AppApi>>(
  event: E,
  listener: (payload: EventPayload<AppApi, E>) => void,
): void {
  // The latest listener is called without resubscribing on every render.
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => api.on(event, (payload) => latest.current(payload)), [event]);
}
