/**
 * The downloads the app's window shows: every download of the client's download managers (those the user started
 * and those an install started), as the view the renderer draws, with the handle to pause, resume or cancel it.
 * State changes are announced at once; progress at most every `throttleMs` per download, so a fast transfer does
 * not flood the window with events.
 *
 * A download belongs to the account that was signed in when it started: another account signed in on the same
 * desktop neither sees it nor controls it (its package lands in the shared cache all the same, by hash). Every change
 * raises the view's revision, so the window keeps the newest of a call's answer and an event that crossed it.
 */
import type { DownloadView } from '../../../shared/contracts/app-views.js';
import { HicareError, isHicareError } from '../../../shared/errors.js';
import type { DownloadHandle, DownloadManager, ProgressEvent, StateEvent } from '../downloads/index.js';
import { problemView } from './views.js';

interface Entry {
  view: DownloadView;
  /** The accounts the download belongs to: who started it, and who joined it by starting the same package. */
  owners: Set<string | null>;
  handle: DownloadHandle | undefined;
  lastEmit: number;
  timer: NodeJS.Timeout | undefined;
}

export interface DownloadRegistryOptions {
  onChange: (view: DownloadView) => void;
  /** Who is signed in now, as a key (portal and account); null when nobody is. */
  owner?: () => string | null;
  throttleMs?: number;
  /** Finished downloads kept for the list; the oldest go first. */
  keep?: number;
}

const TERMINAL = new Set<DownloadView['state']>(['done', 'failed', 'cancelled']);

export class DownloadRegistry {
  private readonly entries = new Map<string, Entry>();
  private readonly attached = new WeakSet<DownloadManager>();
  private readonly waiters = new Set<() => void>();
  /** Lengths of targets known from the signed catalog, for downloads seen before their first progress event. */
  private readonly lengths = new Map<string, number>();

  constructor(private readonly options: DownloadRegistryOptions) {}

  /** Follows a client's download manager; attaching the same one twice changes nothing. */
  attach(manager: DownloadManager): () => void {
    if (this.attached.has(manager)) return () => undefined;
    this.attached.add(manager);
    const offState = manager.on('state', (e) => this.onState(e));
    const offProgress = manager.on('progress', (e) => this.onProgress(e));
    return () => {
      offState();
      offProgress();
      this.attached.delete(manager);
    };
  }

  /** Remembers a target's signed length, so its view shows the size from the start. */
  knowLength(targetName: string, length: number): void {
    this.lengths.set(targetName, length);
  }

  /** Ties a handle (and the system it is for) to the view its events built. */
  track(
    handle: DownloadHandle,
    info: { targetName: string; serialNumber: string | null; totalBytes: number },
  ): DownloadView {
    const entry = this.entryFor(handle.id, info.targetName);
    entry.owners.add(this.owner());
    entry.handle = handle;
    entry.view = {
      ...entry.view,
      revision: entry.view.revision + 1,
      serialNumber: info.serialNumber ?? entry.view.serialNumber,
      totalBytes: entry.view.totalBytes || info.totalBytes,
    };
    this.announce(entry, true);
    return entry.view;
  }

  /** The verified file was copied to `file` (the download folder, under its real name). */
  savedAs(id: string, file: string): void {
    const entry = this.entries.get(id);
    if (entry === undefined) return;
    entry.view = { ...entry.view, revision: entry.view.revision + 1, savedAs: file };
    this.announce(entry, true);
  }

  /**
   * The copy into the download folder failed after the bytes were verified (a full disk, a folder that went away):
   * the download stays verified in the cache, and the view says why the folder has no copy. A download that failed
   * already carries its own error.
   */
  notSaved(id: string, error: unknown): void {
    const entry = this.entries.get(id);
    if (entry === undefined || entry.view.state !== 'done') return;
    const coded = isHicareError(error) ? error : new HicareError('INTERNAL');
    entry.view = { ...entry.view, revision: entry.view.revision + 1, savedAs: null, error: problemView(coded) };
    this.announce(entry, true);
  }

  get(id: string): DownloadView {
    return this.require(id).view;
  }

  handle(id: string): DownloadHandle {
    const handle = this.require(id).handle;
    if (handle === undefined) {
      throw new HicareError('NOT_FOUND.downloadOfInstallation', {}, { id });
    }
    return handle;
  }

  /** The signed-in account's downloads. */
  list(): DownloadView[] {
    const owner = this.owner();
    return [...this.entries.values()].filter((e) => e.owners.has(owner)).map((e) => e.view);
  }

  private owner(): string | null {
    return this.options.owner?.() ?? null;
  }

  /** The view once `predicate` holds for it, or as it is after `ms`. */
  async waitFor(id: string, predicate: (view: DownloadView) => boolean, ms = 2_000): Promise<DownloadView> {
    const deadline = Date.now() + ms;
    while (!predicate(this.get(id)) && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        const done = (): void => {
          clearTimeout(timer);
          this.waiters.delete(done);
          resolve();
        };
        const timer = setTimeout(done, Math.max(1, deadline - Date.now()));
        this.waiters.add(done);
      });
    }
    return this.get(id);
  }

  private require(id: string): Entry {
    const entry = this.entries.get(id);
    // Another account's download answers like one that does not exist.
    if (entry === undefined || !entry.owners.has(this.owner()))
      throw new HicareError('NOT_FOUND.desktopDownload', { id }, { id });
    return entry;
  }

  private entryFor(id: string, targetName: string): Entry {
    let entry = this.entries.get(id);
    if (entry === undefined) {
      entry = {
        view: {
          id,
          targetName,
          serialNumber: null,
          state: 'queued',
          receivedBytes: 0,
          totalBytes: this.lengths.get(targetName) ?? 0,
          bytesPerSecond: 0,
          etaSeconds: null,
          verified: false,
          error: null,
          revision: 0,
        },
        owners: new Set([this.owner()]),
        handle: undefined,
        lastEmit: 0,
        timer: undefined,
      };
      this.entries.set(id, entry);
      this.prune();
    }
    return entry;
  }

  private onState(e: StateEvent): void {
    const entry = this.entryFor(e.id, e.name);
    const done = e.state === 'done';
    entry.view = {
      ...entry.view,
      revision: entry.view.revision + 1,
      state: e.state,
      receivedBytes: done ? entry.view.totalBytes : entry.view.receivedBytes,
      bytesPerSecond: e.state === 'downloading' ? entry.view.bytesPerSecond : 0,
      etaSeconds: done ? 0 : e.state === 'downloading' ? entry.view.etaSeconds : null,
      // Only the manager's 'done' says the bytes hashed to the signed target: it never finishes otherwise.
      verified: done,
      error: e.error === undefined ? (TERMINAL.has(e.state) ? entry.view.error : null) : problemView(e.error),
    };
    this.announce(entry, true);
  }

  private onProgress(e: ProgressEvent): void {
    const entry = this.entryFor(e.id, e.name);
    entry.view = {
      ...entry.view,
      revision: entry.view.revision + 1,
      receivedBytes: e.receivedBytes,
      totalBytes: e.totalBytes,
      bytesPerSecond: Math.round(e.bytesPerSecond),
      etaSeconds: e.etaSeconds,
    };
    this.announce(entry, false);
  }

  private announce(entry: Entry, now: boolean): void {
    for (const wake of [...this.waiters]) {
      this.waiters.delete(wake);
      wake();
    }
    const throttle = this.options.throttleMs ?? 250;
    const since = Date.now() - entry.lastEmit;
    if (!now && since < throttle) {
      // The latest figures go out when the interval is over, so the last progress before a pause is not lost.
      entry.timer ??= setTimeout(() => {
        entry.timer = undefined;
        this.send(entry);
      }, throttle - since);
      entry.timer.unref();
      return;
    }
    clearTimeout(entry.timer);
    entry.timer = undefined;
    this.send(entry);
  }

  private send(entry: Entry): void {
    entry.lastEmit = Date.now();
    if (entry.owners.has(this.owner())) this.options.onChange(entry.view);
  }

  private prune(): void {
    const keep = this.options.keep ?? 200;
    if (this.entries.size <= keep) return;
    for (const [id, entry] of this.entries) {
      if (this.entries.size <= keep) return;
      if (TERMINAL.has(entry.view.state)) this.entries.delete(id);
    }
  }
}
