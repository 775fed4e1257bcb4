/**
 * What the benchmark page and the process driving it agree on: the data file the page loads, the list it mounts
 * (from the page's query string) and the figures it reports back. Types only, so both sides import it freely.
 */
import type { Candidate } from '../../../renderer/src/screens/systems/CandidateCard.js';
import type { Tier } from '../../../shared/domain/contract.js';

/** `windowed`: the app's ReleaseRows. `plain`: the same rows with every one of them in the DOM (the reference). */
export type ListKind = 'windowed' | 'plain';

/** `releases-<rows>.json`, served next to the page. */
export interface ReleasePayload {
  serialNumber: string;
  /** Tier of each contract a verdict names, for the verdict's headline. */
  tiers: Record<string, Tier>;
  candidates: Candidate[];
}

/** Milliseconds since navigation started (the page's performance.now()). */
export interface LoadFigures {
  dataReadyMs: number;
  mountStartMs: number;
  rowsPaintedMs: number;
  /** Rows in the DOM after mount, and the list's own count of them (data-rendered-rows). */
  listItems: number;
  renderedRowsAttr: number;
  /** Long tasks from navigation until the rows were painted. */
  longTasksToPaint: number;
}

export interface ScrollFigures {
  /** requestAnimationFrame timestamps while the list was scrolled from top to bottom. */
  frameStamps: number[];
  scrolledPx: number;
  /** Long tasks that started while scrolling, with their durations in ms. */
  longTasks: number[];
  /** The version shown in the row at the bottom edge once scrolling ended (proves the end was reached and drawn). */
  bottomVersion: string | null;
}

/** What the page puts on `window.hicareBench`. */
export interface BenchPage {
  loaded: Promise<LoadFigures>;
  scroll(durationMs: number): Promise<ScrollFigures>;
}
