/**
 * The app's catalog checks are conditional: a real portal on loopback, counted at the portal, answers the second check
 * of an unchanged catalog with 304 and the catalog still verifies; a publish in between gets a full 200 and the new
 * target. A held copy that no longer matches its remembered ETag is never revalidated against it.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SIDECAR_FILE } from '../../../electron/core/trust/timestamp-revalidation.js';
import { Trust } from '../../../electron/core/trust/trust.js';
import { publishAppRelease } from '../../../portal/app-updates/publish-app.js';
import { seedDemo } from '../../../portal/demo/seed.js';
import { createPortal, type Portal } from '../../../portal/server.js';
import { PortalProxy } from '../client-attacks/portal-proxy.js';
import { installer } from '../portal-app-updates/helpers.js';

let dir = '';
let portal: Portal;
let url = '';
/** What the portal answered to each request for timestamp.json, and whether it came with a condition. */
let answers: { status: number; conditional: boolean }[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hicare-conditional-'));
  portal = await createPortal({ dataDirectory: join(dir, 'portal'), refreshEveryMs: 0 });
  portal.app.addHook('onResponse', async (request, reply) => {
    if (request.url === '/tuf/timestamp.json')
      answers.push({ status: reply.statusCode, conditional: request.headers['if-none-match'] !== undefined });
  });
  await seedDemo({ db: portal.db, catalog: portal.catalog, keysDir: portal.layout.keysDir, now: new Date() });
  url = await portal.listen({ host: '127.0.0.1', port: 0 });
}, 120_000);

afterAll(async () => {
  await portal?.close();
  await rm(dir, { recursive: true, force: true });
});

beforeEach(() => {
  answers = [];
});

let clients = 0;
function newTrust(portalUrl = url): Trust {
  return new Trust({
    dataDirectory: join(dir, `client-${++clients}`),
    portalUrl,
    rootFile: join(portal.layout.repoDir, '1.root.json'),
  });
}

describe('conditional catalog checks', () => {
  it('answers an unchanged catalog with 304 and the catalog still verifies; a publish in between gets 200 and the new target', async () => {
    const trust = newTrust();
    await trust.refresh();
    const before = await trust.allTargets('all');
    expect(answers).toEqual([{ status: 200, conditional: false }]);

    await trust.refresh();
    expect(answers.at(-1)).toEqual({ status: 304, conditional: true });
    expect(await trust.allTargets('all')).toEqual(before);
    // A package is still checked against verified metadata after a 304.
    const first = before[0];
    expect(first).toBeDefined();
    expect(await trust.verifiedTarget(first!.name)).toEqual(first);

    const file = await installer(dir, 'hicare-update-manager-0.3.0-x86_64.AppImage', 4096);
    await publishAppRelease(
      portal.catalog,
      { file: file.path, version: '0.3.0', os: 'linux', arch: 'x64' },
      new Date(),
    );
    answers = [];
    const published = await trust.signedEntry(
      'hicare-update-manager/0.3.0/linux-x64/hicare-update-manager-0.3.0-x86_64.AppImage',
    );
    expect(published).toMatchObject({ length: 4096 });
    expect(answers).toEqual([{ status: 200, conditional: true }]);

    await trust.refresh();
    expect(answers.at(-1)).toEqual({ status: 304, conditional: true });
  });

  it('asks unconditionally when the held timestamp is not the copy its ETag names, and verifies what comes back', async () => {
    const trust = newTrust();
    await trust.refresh();
    await trust.refresh();
    expect(answers.map((a) => a.status)).toEqual([200, 304]);

    // The cached copy damaged on disk: a 304 would hand tuf-js bytes that no longer verify, so no condition is sent.
    await writeFile(join(trust.metadataDir, 'timestamp.json'), '{"damaged": true}');
    await trust.refresh();
    expect(answers.at(-1)).toEqual({ status: 200, conditional: false });
    expect((await trust.allTargets('all')).length).toBeGreaterThan(0);

    // A sidecar that cannot be read is as good as none.
    await writeFile(join(trust.metadataDir, SIDECAR_FILE), 'not json');
    await trust.refresh();
    expect(answers.at(-1)).toEqual({ status: 200, conditional: false });
    await trust.refresh();
    expect(answers.at(-1)).toEqual({ status: 304, conditional: true });
  });

  it('refuses a 304 it did not ask for (nothing cached to stand for it), coded, and trusts nothing from it', async () => {
    const proxy = await PortalProxy.start(url);
    try {
      proxy.rule = (request) =>
        request.url?.endsWith('/timestamp.json') === true ? { kind: 'answer', status: 304, body: '' } : undefined;
      const trust = newTrust(proxy.url);
      await expect(trust.refresh()).rejects.toMatchObject({
        code: 'TRUST_METADATA_INVALID',
        remedy: expect.stringMatching(/\S/) as string,
      });
      await expect(readFile(join(trust.metadataDir, 'timestamp.json'))).rejects.toMatchObject({ code: 'ENOENT' });
      // Once the line behaves, the same client verifies the catalog as usual.
      proxy.rule = undefined;
      await trust.refresh();
      expect((await trust.allTargets('all')).length).toBeGreaterThan(0);
    } finally {
      await proxy.close();
    }
  });
});
