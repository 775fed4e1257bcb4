/**
 * `/tuf/` on a real portal over a real signed repository: the four roles' metadata with the cache headers consistent
 * snapshots allow, nothing else (no dotfiles, no package bytes, no way out of the directory), and a real tuf-js client
 * refreshing through it across a publish.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashedTargetPath } from '../../../portal/tuf/target-name.js';
import {
  cleanup,
  rawRequest,
  releaseCustom,
  sha256,
  startFilePortal,
  trustingClient,
  type FilePortal,
  type TufFixture,
  freshRepository,
} from './helpers.js';

const NAME = 'hicare-server/2.4.1/linux-x64/hicare-server-2.4.1.tar.gz';
const IMMUTABLE = 'public, max-age=31536000, immutable';

let fixture: TufFixture;
let portal: FilePortal;
let packagePath: string;

beforeAll(async () => {
  fixture = await freshRepository();
  const published = await fixture.repo.addTarget({
    name: NAME,
    path: await writeAndReturn(join(fixture.workDir, 'p.tar.gz'), 'package bytes'),
    custom: releaseCustom('2.4.1'),
  });
  packagePath = `targets/${hashedTargetPath(NAME, published.sha256)}`;
  // What a traversal would reach if it got out: a decoy beside the repository, and one in a subdirectory.
  await writeFile(join(dirname(fixture.repoDir), 'root.json'), 'OUTSIDE THE REPOSITORY');
  await mkdir(join(fixture.repoDir, 'sub'));
  await writeFile(join(fixture.repoDir, 'sub', 'root.json'), 'IN A SUBDIRECTORY');
  await writeFile(join(fixture.repoDir, '.timestamp.json.123.abcdef.tmp'), 'half-written');
  portal = await startFilePortal({ repoDir: fixture.repoDir });
});

afterAll(cleanup);

async function writeAndReturn(path: string, content: string | Buffer): Promise<string> {
  await writeFile(path, content);
  return path;
}

/**
 * The fixture publishes through its own store, as the CLI does beside a running portal: the portal serves it within
 * its recheck interval, so this asks until it does (the vitest timeout bounds the wait) and answers the ETag.
 */
async function servesPublishedTimestamp(): Promise<string> {
  const published = `"sha256-${sha256(await readFile(join(fixture.repoDir, 'timestamp.json')))}"`;
  while ((await rawRequest(portal.base, '/tuf/timestamp.json')).headers['etag'] !== published)
    await new Promise((resolve) => setImmediate(resolve));
  return published;
}

describe('/tuf/ metadata', () => {
  it('serves each role with JSON type, exact length, a content ETag and the right caching', async () => {
    const names = (await readdir(fixture.repoDir)).filter((n) => n.endsWith('.json')).sort();
    expect(names).toEqual([
      '1.product.hicare-server.json',
      '1.root.json',
      '1.snapshot.json',
      '1.targets.json',
      '2.snapshot.json',
      '2.targets.json',
      'root.json',
      'timestamp.json',
    ]);
    for (const name of names) {
      const bytes = await readFile(join(fixture.repoDir, name));
      const res = await rawRequest(portal.base, `/tuf/${name}`);
      expect(res.status, name).toBe(200);
      expect(res.body.equals(bytes), name).toBe(true);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.headers['content-length']).toBe(String(bytes.length));
      expect(res.headers['etag']).toBe(`"sha256-${sha256(bytes)}"`);
      expect(res.headers['cache-control'], name).toBe(
        /^\d/.test(name) ? IMMUTABLE : name === 'timestamp.json' ? 'public, max-age=60' : 'no-cache',
      );
    }
  });

  it('answers HEAD with the headers of GET and no body, and 304 to a matching If-None-Match', async () => {
    const get = await rawRequest(portal.base, '/tuf/timestamp.json');
    const head = await rawRequest(portal.base, '/tuf/timestamp.json', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    for (const name of ['etag', 'content-length', 'content-type', 'cache-control'])
      expect(head.headers[name], name).toBe(get.headers[name]);

    const again = await rawRequest(portal.base, '/tuf/timestamp.json', {
      headers: { 'if-none-match': get.headers['etag'] ?? '' },
    });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers['cache-control']).toBe('public, max-age=60');
  });

  it('lets a cache keep the miss of the next root for a minute, and no other miss', async () => {
    const next = await rawRequest(portal.base, '/tuf/2.root.json');
    expect(next.status).toBe(404);
    expect(next.headers['cache-control']).toBe('public, max-age=60');
    const other = await rawRequest(portal.base, '/tuf/9.snapshot.json');
    expect(other.status).toBe(404);
    expect(other.headers['cache-control']).toBe('no-store');
  });

  it('streams large targets metadata whole and exact', async () => {
    const big = Buffer.from(JSON.stringify({ signed: { filler: randomBytes(3 * 1024 * 1024).toString('base64') } }));
    await writeFile(join(fixture.repoDir, '99.targets.json'), big);
    for (let i = 0; i < 2; i++) {
      const res = await rawRequest(portal.base, '/tuf/99.targets.json');
      expect(res.status).toBe(200);
      expect(res.headers['content-length']).toBe(String(big.length));
      expect(res.headers['etag']).toBe(`"sha256-${sha256(big)}"`);
      expect(res.headers['cache-control']).toBe(IMMUTABLE);
      expect(res.body.equals(big)).toBe(true);
    }
  });

  it('sends metadata gzipped to a client that takes gzip, the same JSON once inflated, and 304 to either ETag', async () => {
    // Repetitive like a product role: many entries with the same keys.
    const entries = Object.fromEntries(
      Array.from({ length: 400 }, (_, i) => [
        `atlas/9.${i}.0/linux-x64/atlas.tar.gz`,
        { length: i, custom: { notes: '' } },
      ]),
    );
    const role = Buffer.from(JSON.stringify({ signed: { _type: 'targets', targets: entries } }));
    await writeFile(join(fixture.repoDir, '98.targets.json'), role);
    const plainEtag = `"sha256-${sha256(role)}"`;

    const zipped = await rawRequest(portal.base, '/tuf/98.targets.json', {
      headers: { 'accept-encoding': 'gzip, br' },
    });
    expect(zipped.status).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers['vary']).toBe('accept-encoding');
    expect(Number(zipped.headers['content-length'])).toBe(zipped.body.length);
    expect(zipped.body.length).toBeLessThan(role.length / 5);
    expect(gunzipSync(zipped.body).equals(role)).toBe(true);
    expect(zipped.headers['etag']).not.toBe(plainEtag);

    for (const refused of [undefined, 'identity', 'gzip;q=0, deflate']) {
      const plain = await rawRequest(portal.base, '/tuf/98.targets.json', {
        headers: refused === undefined ? {} : { 'accept-encoding': refused },
      });
      expect(plain.headers['content-encoding'], refused).toBeUndefined();
      expect(plain.headers['etag'], refused).toBe(plainEtag);
      expect(plain.body.equals(role), refused).toBe(true);
    }
    for (const held of [plainEtag, zipped.headers['etag']!]) {
      const again = await rawRequest(portal.base, '/tuf/98.targets.json', {
        headers: { 'accept-encoding': 'gzip', 'if-none-match': held },
      });
      expect(again.status, held).toBe(304);
    }

    // Small files (the timestamp every client asks for) are not worth a gzip header.
    const timestamp = await rawRequest(portal.base, '/tuf/timestamp.json', { headers: { 'accept-encoding': 'gzip' } });
    expect(timestamp.headers['content-encoding']).toBeUndefined();
  });

  it('gives an unversioned file republished by another writer a new ETag once the portal rechecks', async () => {
    const before = (await rawRequest(portal.base, '/tuf/timestamp.json')).headers['etag'];
    await fixture.repo.refreshTimestamp({ now: new Date(Date.now() + 23 * 3_600_000) });
    const after = await servesPublishedTimestamp();
    expect(after).not.toBe(before);
  });

  describe('while a publisher holds the lock', () => {
    // A live-looking lock would stop the publishes of the other tests, so it exists only around these.
    const lock = (): string => join(fixture.repoDir, '.publish.lock');
    beforeAll(() => writeFile(lock(), '{"pid":1}'));
    afterAll(() => rm(lock(), { force: true }));

    it.each([
      ['the publish lock', '/tuf/.publish.lock'],
      ['a temporary file', '/tuf/.timestamp.json.123.abcdef.tmp'],
      ['a package under targets/', () => `/tuf/${packagePath}`],
      ['the targets directory', '/tuf/targets/'],
      ['a subdirectory', '/tuf/sub/root.json'],
      ['dot-dot', '/tuf/../root.json'],
      ['encoded dot-dot', '/tuf/%2e%2e%2froot.json'],
      ['half-encoded dot-dot', '/tuf/..%2froot.json'],
      ['encoded dot-dot segment', '/tuf/%2e%2e/root.json'],
      ['a backslash', '/tuf/..\\root.json'],
      ['an encoded backslash', '/tuf/..%5croot.json'],
      ['an absolute path', '/tuf//etc/passwd'],
      ['an encoded absolute path', '/tuf/%2fetc%2fpasswd'],
      ['a NUL byte', '/tuf/root.json%00'],
      ['a version with a leading zero', '/tuf/01.root.json'],
      ['version zero', '/tuf/0.root.json'],
      ['an unknown role', '/tuf/mirrors.json'],
      ['another extension', '/tuf/root.json.bak'],
      ['upper case', '/tuf/ROOT.json'],
      ['the directory itself', '/tuf/'],
      ['a listed name not on disk', '/tuf/7.snapshot.json'],
      ['a product role of an unpublished product', '/tuf/1.product.nobody.json'],
      ['a product role named in upper case', '/tuf/1.product.HICARE-SERVER.json'],
      ['a product role without a product', '/tuf/1.product..json'],
      ['a product role with a dotted product', '/tuf/1.product.hicare.server.json'],
      ['a hash bin of an unpublished product', '/tuf/1.product.nobody.bin-0.json'],
      ['a hash bin with a suffix that is not hex', '/tuf/1.product.hicare-server.bin-0g.json'],
      ['a hash bin with too long a suffix', '/tuf/1.product.hicare-server.bin-00000.json'],
      ['a hash bin without a product role', '/tuf/1.bin-0.json'],
      ['the top-level hash bins of old', '/tuf/1.bins-0.json'],
    ])('refuses %s with a coded 404', async (_what, pathOrFn) => {
      const path = typeof pathOrFn === 'function' ? pathOrFn() : pathOrFn;
      for (const method of ['GET', 'HEAD']) {
        const res = await rawRequest(portal.base, path, { method });
        expect(res.status, `${method} ${path}`).toBe(404);
        if (method === 'HEAD') continue;
        const text = res.body.toString('utf8');
        expect(text).not.toMatch(/OUTSIDE|SUBDIRECTORY|half-written|pid|package bytes|root:/);
        const body = JSON.parse(text) as { code: string; remedy: string };
        expect(body.code).toBe('NOT_FOUND');
        expect(body.remedy.length).toBeGreaterThan(0);
      }
    });
  });

  it('confirms the package path refused above is really on disk', async () => {
    expect((await stat(join(fixture.repoDir, packagePath))).isFile()).toBe(true);
  });

  it('lets a real tuf-js client refresh through the route, before and after a publish', async () => {
    const client = await trustingClient(fixture.repoDir, `${portal.base}/tuf/`);
    const fetched = portal.requests;
    fetched.length = 0;
    const first = client.updater();
    await first.refresh();
    expect(await first.getTargetInfo(NAME)).toMatchObject({ length: 'package bytes'.length });
    expect(fetched).toEqual(expect.arrayContaining(['/tuf/2.root.json', '/tuf/timestamp.json']));

    const next = 'hicare-server/2.4.2/linux-x64/hicare-server-2.4.2.tar.gz';
    const content = randomBytes(4096);
    await fixture.repo.addTarget({
      name: next,
      path: await writeAndReturn(join(fixture.workDir, 'q.tar.gz'), content),
      custom: releaseCustom('2.4.2'),
    });
    await servesPublishedTimestamp();
    const second = client.updater();
    await second.refresh();
    const info = await second.getTargetInfo(next);
    expect(info?.length).toBe(content.length);
    expect(info?.hashes['sha256']).toBe(sha256(content));
    expect(fetched.some((url) => /^\/tuf\/\d+\.targets\.json$/.test(url))).toBe(true);
    const local = JSON.parse(await readFile(join(client.metadataDir, 'timestamp.json'), 'utf8')) as {
      signed: { version: number };
    };
    const served = JSON.parse(await readFile(join(fixture.repoDir, 'timestamp.json'), 'utf8')) as {
      signed: { version: number };
    };
    expect(local.signed.version).toBe(served.signed.version);
  });
});
