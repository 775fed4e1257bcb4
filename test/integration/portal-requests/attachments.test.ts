/**
 * Attaching files to a request: logs, archives and screenshots up to 5 MiB, judged by their bytes — an oversize file
 * is refused with 413, a program dressed up as a picture with 415 — and downloaded back byte for byte.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import type { Attachment, ServiceRequest, ServiceRequestDetail } from '../../../shared/contracts/requests.js';
import { CG_ADMIN, coded, describePortal, ENGINEER, NW_ADMIN } from '../portal-api/harness.js';
import { act, ENGINEER_2, expectOk, openRequest, Sessions } from './support.js';

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('IHDR and the rest of a screenshot'),
]);
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), Buffer.alloc(64, 0x90)]);
const PE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('PE\0\0')]);

describePortal('attachments', (t) => {
  const s = new Sessions(t);
  let request: ServiceRequest | undefined;

  async function target(): Promise<ServiceRequest> {
    request ??= await expectOk(
      act(t, await s.token(ENGINEER), (await openRequest(t, await s.token(NW_ADMIN))).id, 'accept'),
    );
    return request;
  }

  async function upload(email: string, fileName: string, contentType: string, bytes: Buffer) {
    const r = await target();
    return t.request<Attachment>('POST', `/api/v1/requests/${r.id}/attachments`, {
      token: await s.token(email),
      body: { fileName, contentType, dataBase64: bytes.toString('base64') },
    });
  }

  it('takes a log, a gzip archive and a screenshot, lists them with the request and serves them back byte for byte', async () => {
    const log = Buffer.from('2026-11-24 09:58:01 installer: exit code 3\n\u001b[31mERROR\u001b[0m disk full\n');
    const archive = gzipSync(Buffer.from('{"diagnostics": true}'));
    const uploaded: Attachment[] = [];
    for (const [email, name, type, bytes] of [
      [NW_ADMIN, 'install.log', 'text/plain; charset=utf-8', log],
      [NW_ADMIN, 'diagnostics.json.gz', 'application/gzip', archive],
      [ENGINEER, 'screen.png', 'image/png', PNG],
    ] as const) {
      const reply = await upload(email, name, type, bytes);
      expect(reply.status, name).toBe(200);
      expect(reply.body).toMatchObject({
        fileName: name,
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
      });
      uploaded.push(reply.body);
    }
    expect(uploaded.map((a) => a.contentType)).toEqual(['text/plain', 'application/gzip', 'image/png']);
    const r = await target();
    const detail = await expectOk(
      t.request<ServiceRequestDetail>('GET', `/api/v1/requests/${r.id}`, { token: await s.token(NW_ADMIN) }),
    );
    expect(detail.attachments.map((a) => a.fileName)).toEqual(['install.log', 'diagnostics.json.gz', 'screen.png']);

    const download = await t.request<Buffer>('GET', `/api/v1/attachments/${uploaded[1]?.id ?? ''}`, {
      token: await s.token(ENGINEER),
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/gzip');
    expect(download.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''diagnostics.json.gz");
    expect(download.bytes.equals(archive)).toBe(true);
    // Another customer cannot fetch it, and learns nothing from trying.
    const foreign = await t.request('GET', `/api/v1/attachments/${uploaded[1]?.id ?? ''}`, {
      token: await s.token(CG_ADMIN),
    });
    expect(foreign.status).toBe(404);
  });

  it('refuses a file over 5 MiB with 413', async () => {
    const reply = await upload(NW_ADMIN, 'huge.log', 'text/plain', Buffer.alloc(5 * 1024 * 1024 + 1, 0x61));
    expect(reply.status).toBe(413);
    expect(coded(reply)).toMatchObject({
      code: 'ATTACHMENT_TOO_LARGE',
      details: { maxBytes: 5 * 1024 * 1024, size: 5 * 1024 * 1024 + 1 },
    });
    // A body too large to even read is refused the same way, before it is parsed.
    const r = await target();
    const body = JSON.stringify({
      fileName: 'huger.log',
      contentType: 'text/plain',
      dataBase64: 'A'.repeat(9 * 1024 * 1024),
    });
    const unread = await t.request('POST', `/api/v1/requests/${r.id}/attachments`, {
      token: await s.token(NW_ADMIN),
      rawBody: body,
    });
    expect(unread.status).toBe(413);
    expect(coded(unread).code).toBe('ATTACHMENT_TOO_LARGE');
    // Exactly 5 MiB is still fine.
    expect((await upload(NW_ADMIN, 'big.log', 'text/plain', Buffer.alloc(5 * 1024 * 1024, 0x61))).status).toBe(200);
  });

  it('refuses programs declared as pictures or archives, types it does not take, and contents that do not match (415)', async () => {
    for (const [name, type, bytes] of [
      ['cat.png', 'image/png', ELF],
      ['logs.zip', 'application/zip', PE],
      ['photo.jpg', 'image/jpeg', PNG],
      ['data.json', 'application/json', Buffer.from('not json at all')],
      ['tool.exe', 'application/octet-stream', PE],
      ['anim.gif', 'image/gif', Buffer.from('GIF89a')],
    ] as const) {
      const reply = await upload(NW_ADMIN, name, type, bytes);
      expect(reply.status, name).toBe(415);
      expect(coded(reply).code).toBe('ATTACHMENT_TYPE_REFUSED');
    }
  });

  it('refuses file names with paths, data that is not base64, and an engineer not assigned to the request', async () => {
    const bad = await upload(NW_ADMIN, '../../etc/passwd', 'text/plain', Buffer.from('x'));
    expect(bad.status).toBe(400);
    const r = await target();
    const notBase64 = await t.request('POST', `/api/v1/requests/${r.id}/attachments`, {
      token: await s.token(NW_ADMIN),
      body: { fileName: 'a.txt', contentType: 'text/plain', dataBase64: 'not*base64' },
    });
    expect(coded(notBase64).code).toBe('INVALID_INPUT');
    const other = await upload(ENGINEER_2, 'mine.txt', 'text/plain', Buffer.from('hello'));
    expect(other.status).toBe(403);
  });
});
