/**
 * The package body written through reused blocks: every byte of the range arrives in order even when the range
 * spans many blocks and starts mid-block, and a file that turns out shorter than promised ends in a cut connection,
 * never in a response the client would take as whole.
 */
import { randomBytes } from 'node:crypto';
import { open, writeFile } from 'node:fs/promises';
import { createServer, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BLOCK_BYTES, FileEndedEarly, writeFileRange } from '../../../portal/http/file-body.js';
import { cleanup, tempDir } from './helpers.js';

let path = '';
let bytes: Buffer;
const outcomes: Promise<unknown>[] = [];

/** A server writing `start`..`end` of the file, with the length of that range promised up front. */
async function rangeServer(start: number, end: number): Promise<string> {
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-length': end - start + 1 });
    const outcome = open(path, 'r').then(async (file) => {
      try {
        await writeFileRange(res, file, start, end, () => undefined);
      } catch (error) {
        res.destroy();
        throw error;
      } finally {
        await file.close();
      }
    });
    // Kept for the test to inspect; handled here so that a failure is not reported before the test looks at it.
    outcome.catch(() => undefined);
    outcomes.push(outcome);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  afterAll(() => new Promise<void>((done) => server.close(() => done())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

function fetchAll(url: string): Promise<{ body: Buffer; whole: boolean }> {
  return new Promise((resolve, reject) => {
    get(url, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ body: Buffer.concat(chunks), whole: res.complete }));
      res.on('aborted', () => resolve({ body: Buffer.concat(chunks), whole: false }));
      res.on('error', () => resolve({ body: Buffer.concat(chunks), whole: false }));
    }).on('error', reject);
  });
}

beforeAll(async () => {
  const dir = await tempDir('hicare-file-body-');
  path = join(dir, 'package.bin');
  bytes = randomBytes(BLOCK_BYTES * 9 + 12_345);
  await writeFile(path, bytes);
});

afterAll(cleanup);

describe('package body through reused blocks', () => {
  it('sends a range of many blocks, starting mid-block, byte-exact', async () => {
    const start = BLOCK_BYTES / 2 + 7;
    const end = bytes.length - 3;
    const { body, whole } = await fetchAll(await rangeServer(start, end));
    expect(whole).toBe(true);
    expect(body.equals(bytes.subarray(start, end + 1))).toBe(true);
  });

  it('cuts the connection when the file ends before the promised length', async () => {
    const before = outcomes.length;
    const { body, whole } = await fetchAll(await rangeServer(0, bytes.length + BLOCK_BYTES));
    expect(whole).toBe(false);
    expect(body.length).toBeLessThanOrEqual(bytes.length);
    await expect(outcomes[before]).rejects.toBeInstanceOf(FileEndedEarly);
  });
});
