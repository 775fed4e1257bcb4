/**
 * A windowed list: only the rows in view (plus a few either side) are in the DOM, so 10,000 releases scroll as
 * smoothly as 20. Rows have one fixed height; the scrollbar is sized for the whole list. Screen readers get the
 * list's size and each row's position (aria-setsize / aria-posinset), since most rows are not in the DOM.
 */
import { memo, useLayoutEffect, useRef, useState, type ReactNode, type UIEvent } from 'react';
import { flushSync } from 'react-dom';
import { rowWindow, type ScrollDirection } from '../lib/windowing.js';

export interface VirtualListProps<T> {
  items: readonly T[];
  rowHeight: number;
  /** The visible height of the list, in pixels. */
  height: number;
  renderRow: (item: T, index: number) => ReactNode;
  rowKey: (item: T, index: number) => string;
  label: string;
  testId?: string;
  overscan?: number;
  /** Keep the newest row in view while the user has not scrolled up (logs). */
  followEnd?: boolean;
}

interface RowProps<T> {
  item: T;
  index: number;
  setSize: number;
  rowHeight: number;
  renderRow: (item: T, index: number) => ReactNode;
}

function RowSlot<T>({ item, index, setSize, rowHeight, renderRow }: RowProps<T>) {
  return (
    <div
      role="listitem"
      aria-setsize={setSize}
      aria-posinset={index + 1}
      className="vrow"
      style={{ height: rowHeight }}
    >
      {renderRow(item, index)}
    </div>
  );
}

// A scroll re-renders the list, not the rows that stay in view: their props are unchanged, so React skips them.
const Row = memo(RowSlot) as typeof RowSlot;

interface ScrollState {
  scrollTop: number;
  direction: ScrollDirection | undefined;
}

export function VirtualList<T>({
  items,
  rowHeight,
  height,
  renderRow,
  rowKey,
  label,
  testId,
  overscan,
  followEnd,
}: VirtualListProps<T>) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scroll, setScroll] = useState<ScrollState>({ scrollTop: 0, direction: undefined });
  const [atEnd, setAtEnd] = useState(true);
  const windowOf = (s: ScrollState) =>
    rowWindow({
      count: items.length,
      rowHeight,
      viewportHeight: height,
      scrollTop: s.scrollTop,
      ...(overscan === undefined ? {} : { overscan }),
      ...(s.direction === undefined ? {} : { direction: s.direction }),
    });
  const win = windowOf(scroll);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (followEnd === true && atEnd && el !== null) {
      el.scrollTop = el.scrollHeight;
      setScroll({ scrollTop: el.scrollTop, direction: undefined });
    }
  }, [followEnd, atEnd, items.length]);

  function onScroll(e: UIEvent<HTMLDivElement>) {
    const el = e.currentTarget;
    const scrollTop = el.scrollTop;
    const next: ScrollState = {
      scrollTop,
      direction: scrollTop > scroll.scrollTop ? 'down' : scrollTop < scroll.scrollTop ? 'up' : scroll.direction,
    };
    const nextWin = windowOf(next);
    // Most scroll events move within the rows already rendered: nothing to draw. When the window does move, draw it
    // in this frame: a render left to React's scheduler reaches the screen a frame later, as blank space.
    if (nextWin.start !== win.start || nextWin.end !== win.end) flushSync(() => setScroll(next));
    // Reading the scroll height costs a layout; only a list that follows its end needs it.
    if (followEnd === true) setAtEnd(scrollTop + el.clientHeight >= el.scrollHeight - rowHeight);
  }

  const visible = [];
  for (let i = win.start; i < win.end; i++) {
    const item = items[i] as T;
    visible.push(
      <Row
        key={rowKey(item, i)}
        item={item}
        index={i}
        setSize={items.length}
        rowHeight={rowHeight}
        renderRow={renderRow}
      />,
    );
  }

  return (
    <div
      ref={scroller}
      className="vlist"
      style={{ height }}
      onScroll={onScroll}
      data-testid={testId}
      data-rendered-rows={win.end - win.start}
      tabIndex={0}
    >
      <div role="list" aria-label={label} style={{ height: win.totalHeight, position: 'relative' }}>
        <div style={{ transform: `translateY(${win.offsetTop}px)` }}>{visible}</div>
      </div>
    </div>
  );
}
