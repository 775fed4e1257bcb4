/**
 * In-page measurement: long tasks as the browser reports them, and a scroll from the top of a list to its bottom at
 * a steady pace, one scroll position per animation frame, recording each frame's timestamp. The pace is set by the
 * clock, not by the frame count, so a slow frame makes the next jump larger, as with a real scroll.
 */
import type { ScrollFigures } from './page-contract.js';

export interface LongTaskLog {
  /** Durations of long tasks that started within [from, to] (ms since navigation). */
  between(from: number, to: number): number[];
}

export function watchLongTasks(): LongTaskLog {
  const seen: { start: number; duration: number }[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) seen.push({ start: e.startTime, duration: e.duration });
  });
  observer.observe({ type: 'longtask', buffered: true });
  return {
    between: (from, to) => {
      for (const e of observer.takeRecords()) seen.push({ start: e.startTime, duration: e.duration });
      return seen.filter((e) => e.start >= from && e.start <= to).map((e) => e.duration);
    },
  };
}

function nextFrame(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(resolve));
}

/** The version in the row at the list's bottom edge, as a user would read it. */
function versionAtBottom(list: HTMLElement): string | null {
  const box = list.getBoundingClientRect();
  const hit = document.elementFromPoint(box.left + box.width / 2, box.bottom - 8);
  return hit?.closest('.release-row')?.querySelector('strong')?.textContent ?? null;
}

export async function scrollThrough(
  list: HTMLElement,
  durationMs: number,
  longTasks: LongTaskLog,
): Promise<ScrollFigures> {
  const range = list.scrollHeight - list.clientHeight;
  const frameStamps: number[] = [];
  const first = await nextFrame();
  frameStamps.push(first);
  for (;;) {
    const now = await nextFrame();
    frameStamps.push(now);
    const progress = Math.min(1, (now - first) / durationMs);
    list.scrollTop = Math.round(range * progress);
    if (progress >= 1) break;
  }
  // Two more frames: the scroll event of the last position, then the rows it brings, are on screen.
  frameStamps.push(await nextFrame());
  frameStamps.push(await nextFrame());
  const last = frameStamps[frameStamps.length - 1] ?? first;
  return {
    frameStamps,
    scrolledPx: list.scrollTop,
    longTasks: longTasks.between(first, last),
    bottomVersion: versionAtBottom(list),
  };
}
