/**
 * No test waits a fixed time. A sleep is slow on a fast machine and flaky on a busy one, and a sleep followed by
 * "nothing happened" cannot fail. Tests wait for an event, poll a condition through test/integration/wait.ts, or
 * drive time with fake timers. This scans every file under test/ for the shapes a sleep takes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const testDir = join(root, 'test');

/** The shapes of a fixed wait, each with what to do instead. */
const SLEEPS: { shape: RegExp; instead: string }[] = [
  {
    shape: /setTimeout\(\s*(resolve|res|r|done|wake)\s*,/,
    instead: 'wait for an event, poll with until(), or use fake timers',
  },
  // A bare wake-up; a deadline that settles with what it gave up on (`resolve(undefined)`, `reject(…)`) is no sleep.
  {
    shape: /setTimeout\(\s*\(\)\s*=>\s*(resolve|res|r|done)\(\s*\)/,
    instead: 'wait for an event, poll with until(), or use fake timers',
  },
  { shape: /from\s+'(node:)?timers\/promises'/, instead: 'wait for an event, poll with until(), or use fake timers' },
  { shape: /\bwaitForTimeout\(/, instead: 'wait for what the page shows (expect(locator)…), not for time' },
  { shape: /\b(sleep|delay)\(/, instead: 'wait for an event, poll with until(), or use fake timers' },
];

/**
 * The only places allowed to wait for time, each for a reason that is not a test waiting: the line must contain
 * `text`. Keep this list tiny; a new entry needs a reason a reviewer would accept.
 */
const ALLOWED: { file: string; text: string; why: string }[] = [
  {
    file: 'test/integration/wait.ts',
    text: 'setTimeout(resolve, interval)',
    why: 'the pause between two polls of a condition',
  },
  // Servers that play a slow network: the tests wait on what the client does, never on how long the pacing takes.
  {
    file: 'test/integration/app-host/slow-proxy.ts',
    text: 'setTimeout(resolve, (SLICE * 1000) / bytesPerSecond)',
    why: 'paces a proxy',
  },
  { file: 'test/integration/client-downloads/portal-double.ts', text: 'delay(', why: 'paces a package server' },
  {
    file: 'test/integration/client-downloads/portal-double.ts',
    text: 'setTimeout(resolve, ms)',
    why: 'its pacing delay',
  },
  {
    file: 'test/integration/client-attacks/portal-proxy.ts',
    text: "from 'node:timers/promises'",
    why: 'paces a proxy',
  },
  {
    file: 'test/integration/client-attacks/portal-proxy.ts',
    text: 'await delay((slice.length / action.bytesPerSecond)',
    why: 'paces a proxy',
  },
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(ts|tsx|mts)$/.test(entry.name) ? [path] : [];
  });
}

interface Sleep {
  at: string;
  line: string;
  instead: string;
}

/** Every line of `text` shaped like a sleep and not allowed for `file`. */
function sleepsIn(file: string, text: string): Sleep[] {
  const allowed = ALLOWED.filter((a) => a.file === file);
  return text.split('\n').flatMap((line, index) => {
    const code = line.replace(/\/\/.*$/, '');
    const found = SLEEPS.find((s) => s.shape.test(code));
    if (found === undefined || allowed.some((a) => line.includes(a.text))) return [];
    return [{ at: `${file}:${index + 1}`, line: line.trim(), instead: found.instead }];
  });
}

describe('tests never sleep a fixed time', () => {
  it('no file under test/ waits for time outside the short allow-list', () => {
    // This file names the shapes it looks for, so it is left out.
    const self = fileURLToPath(import.meta.url);
    const files = sourceFiles(testDir).filter((f) => f !== self);
    const found = files.flatMap((f) => sleepsIn(relative(root, f).split('\\').join('/'), readFileSync(f, 'utf8')));
    expect(found, found.map((s) => `${s.at}: ${s.line} — ${s.instead}`).join('\n')).toEqual([]);
  });

  it('every allow-list entry still matches a line, so the list cannot outlive the code it excuses', () => {
    const stale = ALLOWED.filter((a) => !readFileSync(join(root, a.file), 'utf8').includes(a.text));
    expect(stale).toEqual([]);
  });

  it.each([
    ['await new Promise((resolve) => setTimeout(resolve, 200));'],
    ['await new Promise((r) => setTimeout(r, 50));'],
    ['await new Promise<void>((resolve) => setTimeout(() => resolve(), 1_500));'],
    ["import { setTimeout as delay } from 'node:timers/promises';"],
    ['await page.waitForTimeout(300);'],
    ['await sleep(400);'],
  ])('catches a planted sleep: %s', (planted) => {
    expect(sleepsIn('test/integration/planted.test.ts', `it('x', async () => {\n  ${planted}\n});\n`)).toHaveLength(1);
  });

  it.each([
    ['const timer = setTimeout(() => reject(new Error("no event came")), ms);'],
    ['setTimeout(() => resolve(undefined), 10_000).unref();'],
    ["await untilTrue(async () => done, { what: 'the download' });"],
    ['await vi.advanceTimersByTimeAsync(DAY_MS - 1);'],
    ['const rows = await db.execute(sql`select pg_sleep(0)`);'],
  ])('lets a deadline, a poll or fake time through: %s', (fine) => {
    expect(sleepsIn('test/integration/planted.test.ts', fine)).toEqual([]);
  });
});
