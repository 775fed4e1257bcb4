/**
 * A windowed list: only the rows in view (plus a few either side) are in the DOM, so 10,000 releases scroll as
 * smoothly as 20. Rows have one fixed height; the scrollbar is sized for the whole list. Screen readers get the
 * list's size and each row's position (aria-setsize / aria-posinset), since most rows are not in the DOM.
 */
import { useLayoutEffect, useRef, useState, type ReactNode, type UIEvent } from 'react';
import { rowWindow } from '../lib/windowing.js';

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

export function VirtualList<T>({ items, rowHeight, height, renderRow, rowKey, label, testId, overscan, followEnd }: VirtualListProps<T>) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [atEnd, setAtEnd] = useState(true);
  const win = rowWindow({ count: items.length, rowHeight, viewportHeight: height, scrollTop, ...(overscan === undefined ? {} : { overscan }) });

  useLayoutEffect(() => {
    const el = scroller.current;
    if (followEnd === true && atEnd && el !== null) {
      el.scrollTop = el.scrollHeight;
      setScrollTop(el.scrollTop);
    }
  }, [followEnd, atEnd, items.length]);

  function onScroll(e: UIEvent<HTMLDivElement>) {
    const el = e.currentTarget;
    setScrollTop(el.scrollTop);
    setAtEnd(el.scrollTop + el.clientHeight >= el.scrollHeight - rowHeight);
  }

  const visible = [];
  for (let i = win.start; i < win.end; i++) {
    const item = items[i] as T;
    visible.push(
      <div role="listitem" aria-setsize={items.length} aria-posinset={i + 1} key={rowKey(item, i)} className="vrow" style={{ height: rowHeight }}>
        {renderRow(item, i)}
      </div>,
    );
  }

  return (
    <div ref={scroller} className="vlist" style={{ height }} onScroll={onScroll} data-testid={testId} data-rendered-rows={win.end - win.start} tabIndex={0}>
      <div role="list" aria-label={label} style={{ height: win.totalHeight, position: 'relative' }}>
        <div style={{ transform: `translateY(${win.offsetTop}px)` }}>{visible}</div>
      </div>
    </div>
  );
}
