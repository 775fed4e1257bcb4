/**
 * `node --import tsx test/bench/ui/release-list.ts`: DESIGN.md §8 "the release list stays smooth at 10,000 rows".
 *
 * Builds a page (vite, into a temp directory) that mounts the app's own ReleaseRows with its stylesheet, serves it
 * on loopback and opens it in Chromium with the end-to-end tests' flags. Three lists, each measured in a fresh page:
 * - the windowed list of 10,000 releases (what the app ships);
 * - the same windowed list with 20 releases: the "small list" the 10,000 rows should feel like;
 * - the same 10,000 rows without windowing (all in the DOM): what windowing saves.
 * The page fetches its releases as JSON (verdicts from the real entitlement rules, see release-feed.ts), as the app
 * receives them. Per list: navigation → first rows painted (and mount → painted, the list's own share), rows and
 * nodes in the DOM and JS heap after mount; then the list is scrolled top to bottom in 3 s, one position per
 * animation frame, for the frame intervals, the long tasks and the share of the time the main thread was busy. At
 * 10,000 rows that pace is a scrollbar drag (about 3,300 rows a second): every frame shows rows never drawn before.
 * Each scroll must end with the oldest release drawn in the bottom row, or the run fails. Median of
 * HICARE_BENCH_UI_RUNS (3) runs, the lists interleaved so that load from elsewhere on the machine falls on all alike.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from '@playwright/test';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import playwrightConfig from '../../../playwright.config.js';
import type { Candidate } from '../../../renderer/src/screens/systems/CandidateCard.js';
import { FEED_CONTRACT_ID, FEED_SERIAL, releaseFeed } from './release-feed.js';
import { frameStats, median, type FrameStats } from './frame-stats.js';
import type { ListKind, LoadFigures, ReleasePayload, ScrollFigures } from './page-contract.js';
import { serveDirectory } from './static-server.js';

const ROWS = 10_000;
const SMALL_ROWS = 20;
const RUNS = Math.max(1, Math.floor(Number(process.env['HICARE_BENCH_UI_RUNS'] ?? 3)) || 3);
const SCROLL_MS = 3_000;
/** "As smooth as 20": the 10,000-row list's p95 frame may be at most this much slower than the 20-row list's. */
const TARGET_RATIO = 1.2;
const PAGE_DIR = fileURLToPath(new URL('.', import.meta.url));

interface ListCase {
  label: string;
  list: ListKind;
  rows: number;
}

export interface ListFigures {
  label: string;
  navToPaintMs: number;
  mountToPaintMs: number;
  domRows: number;
  domNodes: number;
  heapMB: number;
  frames: FrameStats;
  longTasks: number;
  longTaskMs: number;
  /** Share of the scroll's wall time the page's main thread spent running tasks (CDP TaskDuration). */
  busyPct: number;
}

const CASES: ListCase[] = [
  { label: `windowed, ${SMALL_ROWS} rows`, list: 'windowed', rows: SMALL_ROWS },
  { label: `windowed, ${ROWS.toLocaleString('en')} rows`, list: 'windowed', rows: ROWS },
  { label: `plain (no windowing), ${ROWS.toLocaleString('en')} rows`, list: 'plain', rows: ROWS },
];

async function buildPage(outDir: string, feed: readonly Candidate[]): Promise<void> {
  await build({
    configFile: false,
    root: PAGE_DIR,
    base: './',
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir, emptyOutDir: true, target: 'es2022', reportCompressedSize: false },
  });
  for (const rows of [ROWS, SMALL_ROWS]) {
    const payload: ReleasePayload = {
      serialNumber: FEED_SERIAL,
      tiers: { [FEED_CONTRACT_ID]: 'upgrade-support' },
      candidates: feed.slice(0, rows),
    };
    await writeFile(join(outDir, `releases-${rows}.json`), JSON.stringify(payload));
  }
}

async function measure(browser: Browser, origin: string, c: ListCase, expectBottom: string): Promise<ListFigures> {
  const context = await browser.newContext({
    viewport: playwrightConfig.use?.viewport ?? { width: 1280, height: 820 },
  });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(180_000);
    const cdp = await context.newCDPSession(page);
    await page.goto(`${origin}/index.html?list=${c.list}&rows=${c.rows}`);
    const load = (await page.evaluate('window.hicareBench.loaded')) as LoadFigures;
    if (load.listItems !== load.renderedRowsAttr)
      throw new Error(`${c.label}: ${load.listItems} rows in the DOM but the list reports ${load.renderedRowsAttr}.`);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const metrics = async () => {
      const { metrics: list } = await cdp.send('Performance.getMetrics');
      return (name: string) => list.find((m) => m.name === name)?.value ?? NaN;
    };
    const metric = await metrics();
    // Let the page settle (late layout, idle callbacks) so the scroll measures scrolling only: the browser runs an
    // idle callback once nothing else is pending. A string, as the other evaluations here, so no helper of the
    // TypeScript loader ends up in the page.
    await page.evaluate('new Promise((resolve) => requestIdleCallback(() => resolve(true), { timeout: 2000 }))');
    const busyBefore = (await metrics())('TaskDuration');
    const scroll = (await page.evaluate(`window.hicareBench.scroll(${SCROLL_MS})`)) as ScrollFigures;
    const busyS = (await metrics())('TaskDuration') - busyBefore;
    const wallMs = (scroll.frameStamps.at(-1) ?? 0) - (scroll.frameStamps[0] ?? 0);
    if (scroll.bottomVersion !== expectBottom) {
      throw new Error(
        `${c.label}: after scrolling to the end the bottom row shows ${scroll.bottomVersion ?? 'nothing'}, not ${expectBottom}.`,
      );
    }
    return {
      label: c.label,
      navToPaintMs: load.rowsPaintedMs,
      mountToPaintMs: load.rowsPaintedMs - load.mountStartMs,
      domRows: load.listItems,
      domNodes: metric('Nodes'),
      heapMB: metric('JSHeapUsedSize') / 1e6,
      frames: frameStats(scroll.frameStamps),
      longTasks: scroll.longTasks.length,
      longTaskMs: scroll.longTasks.reduce((a, b) => a + b, 0),
      busyPct: (100 * busyS * 1000) / wallMs,
    };
  } finally {
    await context.close();
  }
}

function medianOf(label: string, runs: readonly ListFigures[]): ListFigures {
  const m = (pick: (f: ListFigures) => number) => median(runs.map(pick));
  return {
    label,
    navToPaintMs: m((f) => f.navToPaintMs),
    mountToPaintMs: m((f) => f.mountToPaintMs),
    domRows: m((f) => f.domRows),
    domNodes: m((f) => f.domNodes),
    heapMB: m((f) => f.heapMB),
    frames: {
      frames: m((f) => f.frames.frames),
      p50: m((f) => f.frames.p50),
      p95: m((f) => f.frames.p95),
      max: m((f) => f.frames.max),
      longFrames: m((f) => f.frames.longFrames),
    },
    longTasks: m((f) => f.longTasks),
    longTaskMs: m((f) => f.longTaskMs),
    busyPct: m((f) => f.busyPct),
  };
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows
    .map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '))
    .join('\n');
}

const ms = (n: number) => n.toFixed(1);
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

export async function main(): Promise<ListFigures[]> {
  const outDir = await mkdtemp(join(tmpdir(), 'hicare-bench-ui-'));
  let browser: Browser | undefined;
  let site: Awaited<ReturnType<typeof serveDirectory>> | undefined;
  try {
    const feed = releaseFeed(ROWS);
    await buildPage(outDir, feed);
    site = await serveDirectory(outDir);
    browser = await chromium.launch({ ...playwrightConfig.use?.launchOptions });
    const loadBefore = load();
    // The version a user sees in the bottom row once each list is scrolled to its end.
    const lastShown = (rows: number) => feed[rows - 1]!.target.custom.version;
    const runs = new Map<string, ListFigures[]>(CASES.map((c) => [c.label, []]));
    for (let run = 0; run < RUNS; run++) {
      for (const c of CASES) runs.get(c.label)!.push(await measure(browser, site.origin, c, lastShown(c.rows)));
    }
    const loadAfter = load();
    const figures = CASES.map((c) => medianOf(c.label, runs.get(c.label)!));
    const [small, windowed, plain] = figures as [ListFigures, ListFigures, ListFigures];

    console.log(
      `\nRelease list in Chromium (${browser.version()}, headless): ReleaseRows with the app's stylesheet, each list scrolled top to bottom in ` +
        `${SCROLL_MS / 1000} s, median of ${RUNS} runs. Load average (1/5/15 min) before ${loadBefore}, after ${loadAfter}.`,
    );
    console.log(
      table([
        [
          'list',
          'nav→rows painted',
          'mount→painted',
          'DOM rows',
          'DOM nodes',
          'JS heap',
          'frames',
          'frame p50',
          'p95',
          'max',
          '>50 ms',
          'long tasks',
          'main thread busy',
        ],
        ...figures.map((f) => [
          f.label,
          `${ms(f.navToPaintMs)} ms`,
          `${ms(f.mountToPaintMs)} ms`,
          String(f.domRows),
          String(f.domNodes),
          `${f.heapMB.toFixed(1)} MB`,
          String(f.frames.frames),
          `${ms(f.frames.p50)} ms`,
          `${ms(f.frames.p95)} ms`,
          `${ms(f.frames.max)} ms`,
          String(f.frames.longFrames),
          `${f.longTasks} (${ms(f.longTaskMs)} ms)`,
          `${f.busyPct.toFixed(0)} %`,
        ]),
      ]),
    );
    const smooth = windowed.frames.p95 <= small.frames.p95 * TARGET_RATIO && windowed.longTasks === 0;
    console.log(
      table([
        ['10,000 windowed rows', `vs ${SMALL_ROWS} rows`, 'vs 10,000 plain rows'],
        [
          'p95 frame time',
          `${ratio(windowed.frames.p95, small.frames.p95)} (target ≤ ${TARGET_RATIO}× and no long task: ${smooth ? 'met' : 'MISSED'})`,
          ratio(windowed.frames.p95, plain.frames.p95),
        ],
        [
          'mount → rows painted',
          ratio(windowed.mountToPaintMs, small.mountToPaintMs),
          ratio(windowed.mountToPaintMs, plain.mountToPaintMs),
        ],
        [
          'main thread busy while scrolling',
          ratio(windowed.busyPct, small.busyPct),
          ratio(windowed.busyPct, plain.busyPct),
        ],
        ['rows in the DOM', ratio(windowed.domRows, small.domRows), ratio(windowed.domRows, plain.domRows)],
        ['JS heap after mount', ratio(windowed.heapMB, small.heapMB), ratio(windowed.heapMB, plain.heapMB)],
      ]),
    );
    console.log(
      `The JS heap holds the releases themselves: ${ROWS.toLocaleString('en')} in two of the lists, ${SMALL_ROWS} in the small one.`,
    );
    return figures;
  } finally {
    await browser?.close();
    await site?.close();
    await rm(outDir, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) await main();
