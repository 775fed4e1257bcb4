/**
 * The benchmark page: loads `releases-<rows>.json`, mounts the release list the query string asks for
 * (`?list=windowed|plain&rows=N`) with the app's stylesheet, and reports when its first rows were painted. The
 * driving process reads `window.hicareBench` (see page-contract.ts).
 */
import { StrictMode, useLayoutEffect, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import '../../../renderer/src/styles.css';
import { ReleaseRows } from '../../../renderer/src/screens/systems/ReleaseRows.js';
import { scrollThrough, watchLongTasks } from './frame-probe.js';
import type { BenchPage, ListKind, LoadFigures, ReleasePayload } from './page-contract.js';
import { PlainReleaseList } from './PlainReleaseList.js';

const longTasks = watchLongTasks();
const query = new URLSearchParams(location.search);
const kind: ListKind = query.get('list') === 'plain' ? 'plain' : 'windowed';
const rows = Number(query.get('rows') ?? '10000');

/** Calls `onPainted` once the frame that first shows its children has been painted. */
function AfterPaint({ onPainted, children }: { onPainted: () => void; children: ReactNode }) {
  useLayoutEffect(() => {
    // Layout effects run after the DOM is written and before the frame is drawn; the task queued from the next
    // animation frame runs once that frame has been painted.
    requestAnimationFrame(() => setTimeout(onPainted, 0));
  }, [onPainted]);
  return children;
}

async function load(): Promise<LoadFigures> {
  const response = await fetch(`./releases-${rows}.json`);
  const payload = (await response.json()) as ReleasePayload;
  const dataReadyMs = performance.now();
  const tierOf = (id: string | null) => (id === null ? undefined : payload.tiers[id]);
  const host = document.getElementById('root');
  if (host === null) throw new Error('The page has no #root.');
  return new Promise((resolve) => {
    const mountStartMs = performance.now();
    const painted = () => {
      const rowsPaintedMs = performance.now();
      const list = document.querySelector<HTMLElement>('[data-testid="release-rows"]');
      resolve({
        dataReadyMs,
        mountStartMs,
        rowsPaintedMs,
        listItems: document.querySelectorAll('[role="listitem"]').length,
        renderedRowsAttr: Number(list?.dataset['renderedRows'] ?? NaN),
        longTasksToPaint: longTasks.between(0, rowsPaintedMs).length,
      });
    };
    const props = { candidates: payload.candidates, serialNumber: payload.serialNumber, installed: null, tierOf };
    createRoot(host).render(
      <StrictMode>
        <main style={{ maxWidth: 960, margin: '2rem auto' }}>
          <h3 className="small-heading">All {payload.candidates.length} releases</h3>
          <AfterPaint onPainted={painted}>
            {kind === 'plain' ? <PlainReleaseList {...props} /> : <ReleaseRows {...props} />}
          </AfterPaint>
        </main>
      </StrictMode>,
    );
  });
}

const page: BenchPage = {
  loaded: load(),
  scroll: (durationMs) => {
    const list = document.querySelector<HTMLElement>('[data-testid="release-rows"]');
    if (list === null) return Promise.reject(new Error('The release list is not on the page.'));
    return scrollThrough(list, durationMs, longTasks);
  },
};
(window as unknown as { hicareBench: BenchPage }).hicareBench = page;
