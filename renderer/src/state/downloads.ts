/**
 * Downloads in flight, kept for the whole app: seeded from downloads.list and kept current by downloads.changed, so
 * progress shows on every screen (the sidebar count, a release card, the Downloads screen) without polling.
 */
import { useEffect, useSyncExternalStore } from 'react';
import type { DownloadView } from '../../../shared/contracts/app-views.js';
import { api } from '../api.js';
import { mergeDownload } from '../lib/download-merge.js';
import { toShownError, type ShownError } from '../lib/errors.js';

interface DownloadsState {
  byId: ReadonlyMap<string, DownloadView>;
  error: ShownError | null;
  loaded: boolean;
}

let state: DownloadsState = { byId: new Map(), error: null, loaded: false };
const listeners = new Set<() => void>();
let unsubscribe: (() => void) | null = null;

function publish(next: DownloadsState): void {
  state = next;
  for (const l of listeners) l();
}

export function upsertDownload(view: DownloadView): void {
  const byId = new Map(state.byId);
  byId.set(view.id, mergeDownload(state.byId.get(view.id), view));
  publish({ ...state, byId });
}

function start(): void {
  if (unsubscribe !== null) return;
  unsubscribe = api.on('downloads.changed', (view) => upsertDownload(view));
  api.call('downloads.list', {}).then(
    ({ downloads }) => {
      // Events that arrived while the list was loading may be newer than the list: the higher revision stays.
      const byId = new Map(state.byId);
      for (const d of downloads) byId.set(d.id, mergeDownload(byId.get(d.id), d));
      publish({ byId, error: null, loaded: true });
    },
    (error: unknown) => publish({ ...state, error: toShownError(error), loaded: true }),
  );
}

export function resetDownloads(): void {
  unsubscribe?.();
  unsubscribe = null;
  publish({ byId: new Map(), error: null, loaded: false });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useDownloads(): DownloadsState {
  useEffect(start, []);
  return useSyncExternalStore(subscribe, () => state);
}

/** The most recent download of a package, if any. */
export function latestFor(downloads: ReadonlyMap<string, DownloadView>, targetName: string): DownloadView | undefined {
  let found: DownloadView | undefined;
  for (const d of downloads.values()) if (d.targetName === targetName && d.state !== 'cancelled') found = d;
  return found;
}

export async function startDownload(targetName: string, serialNumber?: string): Promise<DownloadView> {
  const view = await api.call(
    'downloads.start',
    serialNumber === undefined ? { targetName } : { targetName, serialNumber },
  );
  upsertDownload(view);
  return view;
}

export async function controlDownload(action: 'pause' | 'resume' | 'cancel', id: string): Promise<void> {
  upsertDownload(await api.call(`downloads.${action}`, { id }));
}

export const ACTIVE_STATES: ReadonlySet<DownloadView['state']> = new Set([
  'queued',
  'downloading',
  'verifying',
  'paused',
]);
