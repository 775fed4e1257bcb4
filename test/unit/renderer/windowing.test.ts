import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_OVERSCAN,
  TRAILING_OVERSCAN,
  rowWindow,
  scrollTopToReveal,
  type ScrollDirection,
} from '../../../renderer/src/lib/windowing.js';

describe('the windowed list renders only the rows in view', () => {
  it('renders a screenful plus the overscan of a 10,000-row list, wherever it is scrolled', () => {
    const top = rowWindow({ count: 10_000, rowHeight: 40, viewportHeight: 400, scrollTop: 0 });
    expect(top).toEqual({ start: 0, end: 10 + DEFAULT_OVERSCAN, offsetTop: 0, totalHeight: 400_000 });

    const middle = rowWindow({ count: 10_000, rowHeight: 40, viewportHeight: 400, scrollTop: 200_000 });
    expect(middle.start).toBe(5_000 - DEFAULT_OVERSCAN);
    expect(middle.end).toBe(5_010 + DEFAULT_OVERSCAN);
    expect(middle.offsetTop).toBe(middle.start * 40);

    const bottom = rowWindow({ count: 10_000, rowHeight: 40, viewportHeight: 400, scrollTop: 400_000 - 400 });
    expect(bottom.end).toBe(10_000);
    expect(bottom.start).toBe(9_990 - DEFAULT_OVERSCAN);
  });

  it('includes a row that is only partly in view', () => {
    const w = rowWindow({ count: 100, rowHeight: 40, viewportHeight: 100, scrollTop: 30, overscan: 0 });
    // Rows 0 (10 px showing), 1, 2 and 3 (10 px showing) are all visible.
    expect([w.start, w.end]).toEqual([0, 4]);
  });

  it('clamps scroll positions the browser reports past either end (elastic scrolling, a list that just shrank)', () => {
    expect(rowWindow({ count: 50, rowHeight: 20, viewportHeight: 200, scrollTop: -120, overscan: 0 })).toMatchObject({
      start: 0,
      end: 10,
    });
    // The list shrank from 10,000 rows to 50 while scrolled far down: show its last screenful, not nothing.
    expect(rowWindow({ count: 50, rowHeight: 20, viewportHeight: 200, scrollTop: 150_000, overscan: 0 })).toMatchObject(
      { start: 40, end: 50 },
    );
  });

  it('handles an empty list, a list shorter than the viewport and a viewport of no height', () => {
    expect(rowWindow({ count: 0, rowHeight: 40, viewportHeight: 400, scrollTop: 0 })).toEqual({
      start: 0,
      end: 0,
      offsetTop: 0,
      totalHeight: 0,
    });
    expect(rowWindow({ count: 3, rowHeight: 40, viewportHeight: 400, scrollTop: 0 })).toEqual({
      start: 0,
      end: 3,
      offsetTop: 0,
      totalHeight: 120,
    });
    const hidden = rowWindow({ count: 1_000, rowHeight: 40, viewportHeight: 0, scrollTop: 0, overscan: 0 });
    expect(hidden.end - hidden.start).toBe(1);
  });

  it('stays finite on broken measurements instead of rendering every row or none', () => {
    for (const rowHeight of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) {
      const w = rowWindow({ count: 10_000, rowHeight, viewportHeight: 400, scrollTop: 0 });
      expect(Number.isFinite(w.totalHeight)).toBe(true);
      expect(w.end - w.start).toBeLessThan(1_000);
    }
    const w = rowWindow({ count: 10_000, rowHeight: 40, viewportHeight: Number.NaN, scrollTop: Number.NaN });
    expect(w.start).toBe(0);
  });

  it('for any list and scroll position: the rows in view are rendered, and never more than a screenful plus overscan', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 0, max: 2_000 }),
        fc.double({ min: -1_000, max: 3_000_000, noNaN: true }),
        fc.integer({ min: 0, max: 20 }),
        (count, rowHeight, viewportHeight, scrollTop, overscan) => {
          const w = rowWindow({ count, rowHeight, viewportHeight, scrollTop, overscan });
          expect(w.totalHeight).toBe(count * rowHeight);
          expect(w.start).toBeGreaterThanOrEqual(0);
          expect(w.end).toBeLessThanOrEqual(count);
          expect(w.start).toBeLessThanOrEqual(w.end);
          expect(w.offsetTop).toBe(w.start * rowHeight);
          if (count === 0) return;
          const maxScroll = Math.max(0, count * rowHeight - viewportHeight);
          const top = Math.min(Math.max(0, scrollTop), maxScroll);
          const firstVisible = Math.min(count - 1, Math.floor(top / rowHeight));
          const lastVisible = Math.min(count - 1, Math.ceil((top + viewportHeight) / rowHeight) - 1);
          expect(w.start).toBeLessThanOrEqual(firstVisible);
          expect(w.end).toBeGreaterThan(Math.max(firstVisible, lastVisible));
          expect(w.end - w.start).toBeLessThanOrEqual(Math.ceil(viewportHeight / rowHeight) + 1 + 2 * overscan);
        },
      ),
      { numRuns: 2_000 },
    );
  });
});

describe('while the list is being scrolled, rows are rendered ahead of the scroll, not behind it', () => {
  const list = { count: 10_000, rowHeight: 40, viewportHeight: 400, scrollTop: 200_000 };

  it('scrolling down: the overscan below the view, one row above it', () => {
    const w = rowWindow({ ...list, direction: 'down' });
    expect([w.start, w.end]).toEqual([5_000 - TRAILING_OVERSCAN, 5_010 + DEFAULT_OVERSCAN]);
    expect(w.offsetTop).toBe(w.start * 40);
  });

  it('scrolling up: the overscan above the view, one row below it', () => {
    const w = rowWindow({ ...list, direction: 'up' });
    expect([w.start, w.end]).toEqual([5_000 - DEFAULT_OVERSCAN, 5_010 + TRAILING_OVERSCAN]);
  });

  it('renders fewer rows than a list at rest, which keeps the overscan on both sides', () => {
    const atRest = rowWindow(list);
    const scrolling = rowWindow({ ...list, direction: 'down' });
    expect(atRest.end - atRest.start).toBe(10 + 2 * DEFAULT_OVERSCAN);
    expect(scrolling.end - scrolling.start).toBe(10 + DEFAULT_OVERSCAN + TRAILING_OVERSCAN);
  });

  it('at either end of the list, and with no overscan asked for, renders no row that does not exist or was not asked for', () => {
    expect(rowWindow({ ...list, scrollTop: 400_000, direction: 'down' })).toMatchObject({
      start: 9_990 - TRAILING_OVERSCAN,
      end: 10_000,
    });
    expect(rowWindow({ ...list, scrollTop: 0, direction: 'up' })).toMatchObject({
      start: 0,
      end: 10 + TRAILING_OVERSCAN,
    });
    expect(rowWindow({ ...list, overscan: 0, direction: 'down' })).toMatchObject({ start: 5_000, end: 5_010 });
  });

  it('for any list, position and direction: the rows in view are rendered, with the overscan ahead and at most one row behind', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20_000 }),
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 0, max: 2_000 }),
        fc.double({ min: -1_000, max: 3_000_000, noNaN: true }),
        fc.integer({ min: 0, max: 20 }),
        fc.constantFrom<ScrollDirection>('down', 'up'),
        (count, rowHeight, viewportHeight, scrollTop, overscan, direction) => {
          const w = rowWindow({ count, rowHeight, viewportHeight, scrollTop, overscan, direction });
          const still = rowWindow({ count, rowHeight, viewportHeight, scrollTop, overscan: 0 });
          // Every row in view is rendered.
          expect(w.start).toBeLessThanOrEqual(still.start);
          expect(w.end).toBeGreaterThanOrEqual(still.end);
          const ahead = direction === 'down' ? w.end - still.end : still.start - w.start;
          const behind = direction === 'down' ? still.start - w.start : w.end - still.end;
          expect(ahead).toBeLessThanOrEqual(overscan);
          expect(behind).toBeLessThanOrEqual(Math.min(overscan, TRAILING_OVERSCAN));
          expect(w.offsetTop).toBe(w.start * rowHeight);
        },
      ),
      { numRuns: 2_000 },
    );
  });
});

describe('bringing a row into view (keyboard moves, "show the newest log line")', () => {
  it('does not move when the row is already whole in view', () => {
    expect(scrollTopToReveal(5, 40, 400, 100)).toBe(100);
  });
  it('aligns a row above the view to the top, and one below to the bottom', () => {
    expect(scrollTopToReveal(1, 40, 400, 200)).toBe(40);
    expect(scrollTopToReveal(20, 40, 400, 0)).toBe(21 * 40 - 400);
  });
});
