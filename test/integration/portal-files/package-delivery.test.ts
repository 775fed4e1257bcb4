/**
 * Package delivery under real conditions: a large file arrives byte-exact, a client that hangs up mid-body is
 * reported as an incomplete download and leaves no open file behind, and curl resumes a cut download with `-C -`.
 */
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, readFile, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cleanup,
  eventually,
  openDescriptorsOn,
  rawRequest,
  sha256,
  startFilePortal,
  tempDir,
  type FilePortal,
} from './helpers.js';

const run = promisify(execFile);
const MiB = 1024 * 1024;
const BIG_LENGTH = 64 * MiB;

let portal: FilePortal;
let dir: string;
let bigPath: string;
let bigSha: string;

async function fileSha(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: MiB })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

beforeAll(async () => {
  dir = await tempDir();
  portal = await startFilePortal();
  bigPath = join(dir, 'big.bin');
  // Random in 1 MiB blocks, so that a shifted or repeated block would change the hash.
  const handle = await open(bigPath, 'w');
  for (let i = 0; i < BIG_LENGTH / MiB; i++) await handle.write(randomBytes(MiB));
  await handle.close();
  bigSha = await fileSha(bigPath);
  portal.files.set('big', { path: bigPath, length: BIG_LENGTH, sha256: bigSha, downloadName: 'big.bin' });
});

afterAll(cleanup);

/** Reads the body until `limit` bytes arrived, then hangs up as a user cancelling a download would. */
function abortAfter(path: string, limit: number): Promise<number> {
  const url = new URL(portal.base);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path }, (res) => {
      let received = 0;
      res.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received >= limit) {
          req.destroy();
          resolve(received);
        }
      });
      res.on('error', () => undefined);
    });
    req.on('error', (error) => (req.destroyed ? undefined : reject(error)));
    req.end();
  });
}

describe('package delivery', () => {
  it('serves a 64 MiB package byte-exact, streamed, and reports it complete', async () => {
    const res = await fetch(`${portal.base}/files/big?tag=whole`);
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe(`"sha256-${bigSha}"`);
    const hash = createHash('sha256');
    let length = 0;
    const reader = res.body!.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      hash.update(chunk.value);
      length += chunk.value.length;
    }
    expect(length).toBe(BIG_LENGTH);
    expect(hash.digest('hex')).toBe(bigSha);
    expect(await portal.delivery('whole')).toEqual({
      tag: 'whole',
      bytesSent: BIG_LENGTH,
      complete: true,
      status: 200,
    });
  });

  it('reports a client that hangs up mid-body as incomplete, closes the file, and serves the next request', async () => {
    const received = await abortAfter('/files/big?tag=aborted', 2 * MiB);
    const report = await portal.delivery('aborted');
    expect(report.complete).toBe(false);
    expect(report.status).toBe(200);
    expect(report.bytesSent).toBeLessThan(BIG_LENGTH);
    // What the client read went through the socket; kernel buffers may hold some more that it never read.
    expect(report.bytesSent).toBeGreaterThanOrEqual(received);
    expect(await eventually(async () => (await openDescriptorsOn(bigPath)) === 0)).toBe(true);

    const next = await rawRequest(portal.base, '/files/big?tag=after-abort', { headers: { range: 'bytes=-1000' } });
    expect(next.status).toBe(206);
    expect(next.body.length).toBe(1000);
    expect(await portal.delivery('after-abort')).toMatchObject({ bytesSent: 1000, complete: true });
  });

  it('survives many clients hanging up at once without leaking a descriptor', async () => {
    const received = await Promise.all(
      Array.from({ length: 8 }, (_, i) => abortAfter(`/files/big?tag=many-${i}`, (i + 1) * 256 * 1024)),
    );
    expect(received).toHaveLength(8);
    for (let i = 0; i < 8; i++) expect((await portal.delivery(`many-${i}`)).complete).toBe(false);
    expect(await eventually(async () => (await openDescriptorsOn(bigPath)) === 0)).toBe(true);
  });

  it('reports a client that left before the response started, and opens nothing for it', async () => {
    const url = new URL(portal.base);
    const req = httpRequest({ host: url.hostname, port: url.port, path: '/files/big?tag=left-early&hold' });
    req.on('error', () => undefined);
    req.end();
    const { release, closed } = await portal.held('left-early');
    req.destroy();
    await closed;
    release();
    expect(await portal.delivery('left-early')).toMatchObject({ bytesSent: 0, complete: false });
    expect(await openDescriptorsOn(bigPath)).toBe(0);
  });

  it('lets curl resume a cut download with -C - and ends with the exact bytes', async () => {
    const content = randomBytes(3 * MiB + 123);
    const source = join(dir, 'resume.bin');
    await writeFile(source, content);
    portal.files.set('resume', {
      path: source,
      length: content.length,
      sha256: sha256(content),
      downloadName: 'resume.bin',
    });
    const cut = 1_234_567;
    const target = join(dir, 'resume.part');
    await writeFile(target, content.subarray(0, cut));

    const { stdout } = await run('curl', [
      '-s',
      '-S',
      '-f',
      '-C',
      '-',
      '-o',
      target,
      '-w',
      '%{http_code} %{size_download}',
      `${portal.base}/files/resume?tag=curl`,
    ]);

    expect(stdout).toBe(`206 ${content.length - cut}`);
    expect((await readFile(target)).equals(content)).toBe(true);
    expect(await portal.delivery('curl')).toEqual({
      tag: 'curl',
      bytesSent: content.length - cut,
      complete: true,
      status: 206,
    });
  });
});
