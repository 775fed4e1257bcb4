/**
 * The arithmetic of a windowed (virtualized) list with fixed-height rows: which rows to render for a scroll
 * position, and where to scroll to bring a row into view. Kept free of React and the DOM so it is tested alone and
 * a 10,000-row list costs the same as a 20-row one.
 */

export interface WindowInput {
  count: number;
  rowHeight: number;
  viewportHeight: number;
  scrollTop: number;
  /** Rows rendered beyond each edge, so fast scrolling and keyboard moves do not show blank space. */
  overscan?: number;
  /**
   * Which way the list is being scrolled, if it is. Rows are then rendered ahead of the scroll only (and one behind):
   * rows the user is moving away from are never seen, and during a fast scroll every frame renders a fresh window,
   * so rendering them would cost about as much as the visible rows themselves.
   */
  direction?: ScrollDirection;
}

export type ScrollDirection = 'down' | 'up';

/** Rows kept behind a scroll: enough for a small step back (a keyboard move) to show no blank space. */
export const TRAILING_OVERSCAN = 1;

export interface RowWindow {
  /** First row rendered. */
  start: number;
  /** One past the last row rendered; `end - start` rows are in the DOM. */
  end: number;
  /** Where the first rendered row sits inside the scrolled content. */
  offsetTop: number;
  /** The height of all rows, so the scrollbar is the size of the whole list. */
  totalHeight: number;
}

export const DEFAULT_OVERSCAN = 6;

function whole(n: number): number {
  return Number.isFinite(n) ? Math.max(0, Math.floor(n)) : 0;
}

export function rowWindow(input: WindowInput): RowWindow {
  const count = whole(input.count);
  // A zero or broken row height would divide by zero; one pixel keeps the result finite and the list usable.
  const rowHeight = Number.isFinite(input.rowHeight) && input.rowHeight >= 1 ? input.rowHeight : 1;
  const viewport = Number.isFinite(input.viewportHeight) ? Math.max(0, input.viewportHeight) : 0;
  const overscan = whole(input.overscan ?? DEFAULT_OVERSCAN);
  const totalHeight = count * rowHeight;
  if (count === 0) return { start: 0, end: 0, offsetTop: 0, totalHeight: 0 };
  // Browsers report negative (elastic) or stale past-the-end scroll positions; clamp to the scrollable range.
  const maxScroll = Math.max(0, totalHeight - viewport);
  const scrollTop = Math.min(Math.max(0, Number.isFinite(input.scrollTop) ? input.scrollTop : 0), maxScroll);
  const firstVisible = Math.min(count - 1, Math.floor(scrollTop / rowHeight));
  const lastVisible = Math.min(count, Math.max(firstVisible + 1, Math.ceil((scrollTop + viewport) / rowHeight)));
  const before = input.direction === 'down' ? Math.min(overscan, TRAILING_OVERSCAN) : overscan;
  const after = input.direction === 'up' ? Math.min(overscan, TRAILING_OVERSCAN) : overscan;
  const start = Math.max(0, firstVisible - before);
  const end = Math.min(count, lastVisible + after);
  return { start, end, offsetTop: start * rowHeight, totalHeight };
}

/**
 * The scroll position that shows row `index` whole, moving as little as possible: unchanged when it is already in
 * view, aligned to the top when it is above, to the bottom when it is below.
 */
export function scrollTopToReveal(index: number, rowHeight: number, viewportHeight: number, scrollTop: number): number {
  const top = Math.max(0, Math.floor(index)) * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight);
  return scrollTop;
}
