/**
 * A store that is full, for real: the attachments folder on a tiny tmpfs (mounting one needs root; without it this
 * test is skipped, and says so). An upload is refused with INSUFFICIENT_SPACE (507) and nothing of it is recorded:
 * no attachment on the request, no file, no engineer change.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, open, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceRequest, ServiceRequestDetail } from '../../../shared/contracts/requests.js';
import { coded, ENGINEER, NW_ADMIN } from '../portal-api/harness.js';
import { act, expectOk, openRequest, Sessions } from '../portal-requests/support.js';
import { startStorePortal, type StorePortal } from './store-portal.js';

const isRoot = process.getuid?.() === 0;
if (!isRoot) console.warn('SKIPPED: the full-store test mounts a tmpfs, which needs root.');

let t: StorePortal;
let mount = '';

beforeAll(async () => {
  if (!isRoot) return;
  t = await startStorePortal(undefined);
  mount = join(t.dir, 'attachments');
  await mkdir(mount, { recursive: true });
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mount]);
  const filler = await open(join(mount, 'filler'), 'w');
  try {
    for (;;) await filler.write(Buffer.alloc(4096, 1));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    await filler.close();
  }
}, 60_000);

afterAll(async () => {
  if (mount !== '') execFileSync('umount', [mount]);
  await t?.close();
});

describe.skipIf(!isRoot)('a full attachment store', () => {
  it('refuses an upload with INSUFFICIENT_SPACE and records nothing of it', async () => {
    const s = new Sessions(t);
    const request: ServiceRequest = await expectOk(
      act(t, await s.token(ENGINEER), (await openRequest(t, await s.token(NW_ADMIN))).id, 'accept'),
    );
    const reply = await t.request('POST', `/api/v1/requests/${request.id}/attachments`, {
      token: await s.token(NW_ADMIN),
      body: {
        fileName: 'install.log',
        contentType: 'text/plain',
        dataBase64: Buffer.alloc(20_000, 0x41).toString('base64'),
      },
    });
    expect(reply.status).toBe(507);
    const body = coded(reply);
    expect(body.code).toBe('INSUFFICIENT_SPACE');
    expect(`${body.message} ${body.remedy}`).not.toMatch(/ENOSPC|errno|\/tmp/);
    const detail = await expectOk(
      t.request<ServiceRequestDetail>('GET', `/api/v1/requests/${request.id}`, { token: await s.token(NW_ADMIN) }),
    );
    expect(detail.attachments).toEqual([]);
    expect(await readdir(mount)).toEqual(['filler']);
  });
});
