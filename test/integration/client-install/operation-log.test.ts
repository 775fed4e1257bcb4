/**
 * The operation records on a real file: appends from many callers at once, queries, and the hash chain catching an
 * edited, removed, reordered or cut-off record — while a line half-written by a crash is told apart from tampering.
 */
import { createHash } from 'node:crypto';
import { appendFile, mkdtemp, readFile, rm, truncate, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GENESIS, OperationLog, recordHash, type OperationRecord } from '../../../electron/core/operations/index.js';

let dir: string;
let path: string;
let tick: number;
const clock = { now: () => new Date(Date.UTC(2025, 2, 1, 12, 0, tick++)) };

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hicare-oplog-'));
  path = join(dir, 'data', 'operations.jsonl');
  tick = 0;
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Canonical JSON written independently of the code under test: sorted keys, no spaces. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

async function logWith(n: number): Promise<OperationLog> {
  const log = new OperationLog(path, clock);
  for (let i = 1; i <= n; i++) await log.append(i % 2 === 0 ? 'download' : 'check', `step ${i}`, { i });
  return log;
}

async function lines(): Promise<string[]> {
  return (await readFile(path, 'utf8')).split('\n').filter((l) => l !== '');
}

async function writeLines(all: string[]): Promise<void> {
  await writeFile(path, all.map((l) => `${l}\n`).join(''));
}

describe('appending and reading', () => {
  it('chains each record to the previous one by a SHA-256 of its canonical JSON', async () => {
    const log = new OperationLog(path, clock);
    const first = await log.append('download', 'Downloaded atlas 2.3.1', {
      bytes: 1234,
      target: 'atlas/2.3.1/linux-x64.tar.gz',
    });
    const second = await log.append('install', 'Installed atlas 2.3.1', { from: '1.9.0', to: '2.3.1' });
    expect(first).toMatchObject({ seq: 1, at: '2025-03-01T12:00:00.000Z', kind: 'download', prev: GENESIS });
    expect(second).toMatchObject({ seq: 2, prev: first.hash });
    for (const record of [first, second]) {
      const { hash, ...rest } = record;
      expect(hash).toBe(createHash('sha256').update(canonical(rest)).digest('hex'));
    }
    expect((await lines()).map((l) => JSON.parse(l) as OperationRecord)).toEqual([first, second]);
    await expect(log.verify()).resolves.toEqual({ ok: true, count: 2 });
  });

  it('serialises concurrent appends from several callers into one unbroken chain', async () => {
    const a = new OperationLog(path, clock);
    const b = new OperationLog(path, clock);
    const records = await Promise.all(
      Array.from({ length: 60 }, (_, i) => (i % 2 === 0 ? a : b).append('verify', `check ${i}`, { i })),
    );
    expect(records.map((r) => r.seq).sort((x, y) => x - y)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    await expect(a.verify()).resolves.toEqual({ ok: true, count: 60 });
    // a fresh instance (a restarted app) continues the same chain
    const later = await new OperationLog(path, clock).append('request', 'Opened a support request', {});
    expect(later.seq).toBe(61);
    await expect(b.verifyOrThrow()).resolves.toEqual({ count: 61, tornTail: false });
  });

  it('lists by time and kind, and returns the most recent records', async () => {
    const log = await logWith(6);
    expect((await log.list({ kinds: ['download'] })).map((r) => r.seq)).toEqual([2, 4, 6]);
    expect((await log.list({ since: '2025-03-01T12:00:03Z' })).map((r) => r.seq)).toEqual([4, 5, 6]);
    expect(
      (await log.list({ since: new Date('2025-03-01T12:00:01Z'), kinds: ['check'], limit: 1 })).map((r) => r.seq),
    ).toEqual([3]);
    expect((await log.recent(2)).map((r) => r.seq)).toEqual([5, 6]);
    expect(await log.recent(0)).toEqual([]);
    expect(await new OperationLog(join(dir, 'none.jsonl')).list()).toEqual([]);
    await expect(log.list({ since: 'yesterday-ish' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(OperationLog.inDataDirectory(join(dir, 'data')).path).toBe(path);
  });

  it('caps oversized data to a preview and refuses unknown kinds and data that is not JSON', async () => {
    const log = new OperationLog(path, clock);
    const record = await log.append('failure', 'Install failed', { log: 'x'.repeat(200_000) });
    expect(record.data).toMatchObject({ truncated: true, bytes: expect.any(Number) });
    expect((record.data as { preview: string }).preview.length).toBeLessThanOrEqual(4096);
    await expect(log.append('hack' as never, 'x')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    await expect(log.append('check', 'x', cyclic)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(log.verify()).resolves.toEqual({ ok: true, count: 1 });
  });
});

describe('tampering is detected', () => {
  async function expectTampered(log: OperationLog, reason: string, brokenAt: number): Promise<void> {
    await expect(log.verify()).resolves.toMatchObject({ ok: false, tampered: true, reason, brokenAt });
    await expect(log.verifyOrThrow()).rejects.toMatchObject({
      code: 'OPERATION_LOG_TAMPERED',
      remedy: expect.stringMatching(/\S/),
      details: { reason, brokenAt },
    });
  }

  it('an edited line', async () => {
    const log = await logWith(5);
    const all = await lines();
    all[2] = (all[2] as string).replace('step 3', 'step three');
    await writeLines(all);
    await expectTampered(log, 'edited', 3);
  });

  it('an edited line whose own hash was recomputed', async () => {
    const log = await logWith(5);
    const all = await lines();
    const record = JSON.parse(all[2] as string) as OperationRecord;
    const forged = { ...record, summary: 'nothing happened' };
    all[2] = JSON.stringify({ ...forged, hash: recordHash(forged) });
    await writeLines(all);
    await expectTampered(log, 'chain-broken', 4);
  });

  it('a removed line', async () => {
    const log = await logWith(5);
    const all = await lines();
    all.splice(1, 1);
    await writeLines(all);
    await expectTampered(log, 'removed', 2);
  });

  it('a reordered pair', async () => {
    const log = await logWith(5);
    const all = await lines();
    [all[2], all[3]] = [all[3] as string, all[2] as string];
    await writeLines(all);
    await expectTampered(log, 'reordered', 3);
  });

  it('a truncated tail: whole records cut off the end', async () => {
    const log = await logWith(5);
    await writeLines((await lines()).slice(0, 3));
    await expectTampered(log, 'truncated', 4);
  });

  it('a truncated tail: the file cut in the middle of a record that was fully written', async () => {
    const log = await logWith(5);
    const text = await readFile(path, 'utf8');
    await truncate(path, Buffer.byteLength(text) - 40);
    await expectTampered(log, 'truncated', 5);
  });

  it('a missing head with records behind it', async () => {
    const log = await logWith(3);
    await unlink(`${path}.head`);
    await expectTampered(log, 'head-mismatch', 3);
  });
});

describe('a crash is not tampering', () => {
  /** The line record n+1 would have been, as an append that never finished would have begun writing it. */
  async function nextLine(): Promise<string> {
    const last = JSON.parse((await lines()).at(-1) as string) as OperationRecord;
    const body = {
      seq: last.seq + 1,
      at: '2025-03-01T13:00:00.000Z',
      kind: 'install' as const,
      summary: 'Installing',
      data: {},
      prev: last.hash,
    };
    return canonical({ ...body, hash: recordHash(body) });
  }

  it('a torn last line is reported as such, and the next append sets it aside and continues the chain', async () => {
    const log = await logWith(3);
    const torn = (await nextLine()).slice(0, 50);
    await appendFile(path, torn);
    await expect(log.verify()).resolves.toEqual({
      ok: false,
      tampered: false,
      reason: 'torn-tail',
      brokenAt: 4,
      count: 3,
    });
    await expect(log.verifyOrThrow()).resolves.toEqual({ count: 3, tornTail: true });

    const fresh = new OperationLog(path, clock); // the app after its restart
    const next = await fresh.append('check', 'Checked for updates', {});
    expect(next.seq).toBe(4);
    await expect(fresh.verify()).resolves.toEqual({ ok: true, count: 4 });
    expect(await readFile(`${path}.torn`, 'utf8')).toBe(`${torn}\n`);
  });

  it('a record written whole but without its newline is kept', async () => {
    const log = await logWith(3);
    await appendFile(path, await nextLine());
    await expect(log.verify()).resolves.toMatchObject({ reason: 'torn-tail', tampered: false });
    const next = await new OperationLog(path, clock).append('check', 'after the crash', {});
    expect(next.seq).toBe(5);
    await expect(log.verify()).resolves.toEqual({ ok: true, count: 5 });
  });

  it('a record written before the crash but not yet in the head is accepted', async () => {
    const log = await logWith(3);
    await appendFile(path, `${await nextLine()}\n`);
    await expect(log.verify()).resolves.toEqual({ ok: true, count: 4 });
  });
});
