/** Frame figures from animation-frame timestamps, and the median of repeated runs. */

export const LONG_FRAME_MS = 50;

export interface FrameStats {
  frames: number;
  p50: number;
  p95: number;
  max: number;
  /** Frames that took longer than LONG_FRAME_MS: a visible stutter. */
  longFrames: number;
}

/** Nearest-rank percentile of an ascending list. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? NaN;
}

export function frameStats(stamps: readonly number[]): FrameStats {
  const intervals: number[] = [];
  for (let i = 1; i < stamps.length; i++) intervals.push((stamps[i] ?? 0) - (stamps[i - 1] ?? 0));
  intervals.sort((a, b) => a - b);
  return {
    frames: intervals.length,
    p50: percentile(intervals, 50),
    p95: percentile(intervals, 95),
    max: intervals[intervals.length - 1] ?? NaN,
    longFrames: intervals.filter((ms) => ms > LONG_FRAME_MS).length,
  };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return NaN;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
