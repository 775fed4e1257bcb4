/**
 * Live request events: the reader of server-sent events takes frames split anywhere, and the app keeps listening
 * across a portal restart (reconnecting with backoff) and stops when the portal ends the session.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SseParser, type SseFrame } from '../../../electron/core/app/sse-parser.js';
import { PortalClient } from '../../../electron/core/portal/client.js';
import { FileSecretStore } from '../../../electron/core/secret-file-store.js';
import { openDatabase } from '../../../portal/db/connection.js';
import { createPortal } from '../../../portal/server.js';
import { startDemoPortal, type DemoPortal } from '../client-core/demo-portal.js';
import { appOn, type AppUnderTest } from './app-harness.js';

function frames(chunks: string[]): SseFrame[] {
  const out: SseFrame[] = [];
  const parser = new SseParser((f) => out.push(f));
  for (const c of chunks) parser.push(c);
  return out;
}

describe('reading server-sent events', () => {
  const text =
    ': connected\nretry: 5000\n\nid: 1\nevent: request.changed\ndata: {"a":1}\n\n: heartbeat\n\nevent: request.message\ndata: line one\ndata: line two\n\n';

  it('reads whole frames and skips comments and other fields', () => {
    expect(frames([text])).toEqual([
      { event: 'request.changed', data: '{"a":1}' },
      { event: 'request.message', data: 'line one\nline two' },
    ]);
  });

  it('gives the same frames however the text is cut, with LF, CRLF or CR line ends', () => {
    const expected = frames([text]);
    for (const eol of ['\n', '\r\n', '\r']) {
      // A frame ending in a lone CR is complete only once the next character shows it was not half a CRLF: on a live
      // stream the next heartbeat shows it, here a comment line does.
      const variant = `${text}: heartbeat\n`.replaceAll('\n', eol);
      for (let size = 1; size <= 7; size++) {
        const chunks = [];
        for (let at = 0; at < variant.length; at += size) chunks.push(variant.slice(at, at + size));
        expect(frames(chunks)).toEqual(expected);
      }
    }
  });

  it('keeps the last id for Last-Event-ID, from the stream’s opening frame on', () => {
    const parser = new SseParser(() => undefined);
    expect(parser.lastEventId).toBe('');
    parser.push(': connected\nretry: 5000\n\nid: 41\nevent: ready\ndata: {"type":"ready"}\n\n');
    expect(parser.lastEventId).toBe('41');
    parser.push('id: 42\nevent: request.changed\ndata: {}\n');
    // Not until its frame ends.
    expect(parser.lastEventId).toBe('41');
    parser.push('\nevent: request.changed\ndata: {}\n\n');
    expect(parser.lastEventId).toBe('42');
    parser.push('id: 4\u00003\ndata: {}\n\n');
    expect(parser.lastEventId).toBe('42');
  });

  it('holds back a frame until its blank line arrives', () => {
    expect(frames(['event: x\ndata: {}\n'])).toEqual([]);
  });

  it('gives up on a frame that never ends instead of growing without bound', () => {
    const parser = new SseParser(() => undefined);
    expect(() => {
      for (let i = 0; i < 100; i++) parser.push(`data: ${'x'.repeat(20_000)}\n`);
    }).toThrow(/too large/);
  });
});

const CUSTOMER = 'admin@contoso.example';
let demo: DemoPortal;
let app: AppUnderTest;
let engineer: PortalClient;
let requestId = '';

beforeAll(async () => {
  demo = await startDemoPortal();
  app = await appOn(demo, { firstCheckDelayMs: 3_600_000, liveBackoff: { baseMs: 50, maxMs: 500 } });
  await app.call('session.signIn', { email: CUSTOMER, password: demo.password(CUSTOMER) });
  const sent = await app.call('requests.submit', {
    request: {
      serialNumber: 'CG-COB-0001',
      location: 'Contoso wind farm North, turbine 12',
      faultDescription: 'The turbine controller reboots.',
      priority: 'P4',
    },
    idempotencyKey: '0d6f1c9a-3e2b-4f5a-8c7d-9e0a1b2c3d4e',
  });
  requestId = sent.status === 'sent' ? sent.request.id : '';
  engineer = new PortalClient({ portalUrl: demo.url, secrets: new FileSecretStore(`${demo.dir}/engineer-secrets`) });
  await engineer.signIn('engineer@hicare.example', demo.password('engineer@hicare.example'));
}, 60_000);
afterAll(async () => {
  await app?.close();
  await demo?.close();
});

describe('the portal’s live events in the app', () => {
  it('listens once started and signed in, and re-emits a change as requests.changed', async () => {
    app.session.start();
    await expect.poll(() => app.session.listening, { timeout: 5_000 }).toBe(true);
    await engineer.call('actOnRequest', { params: { id: requestId }, body: { action: 'accept' } });
    await expect(app.waitForEvent('requests.changed', (e) => e.id === requestId)).resolves.toEqual({
      id: requestId,
      type: 'request.changed',
    });
  });

  it('reconnects after the portal restarts and hears what happens afterwards', async () => {
    const port = Number(new URL(demo.url).port);
    const dataDirectory = demo.portal.layout.dataDirectory;
    await demo.portal.close();
    await expect.poll(() => app.session.listening, { timeout: 5_000 }).toBe(false);
    demo.portal = await createPortal({ dataDirectory, refreshEveryMs: 0 });
    await demo.portal.listen({ host: '127.0.0.1', port });
    await expect.poll(() => app.session.listening, { timeout: 10_000 }).toBe(true);
    const before = app.eventsOf('requests.changed').length;
    await engineer.call('postMessage', {
      params: { id: requestId },
      body: { body: 'Back online: what does the controller log say?' },
    });
    await app.waitForEvent('requests.changed', (e) => e.type === 'request.message' && e.id === requestId);
    expect(app.eventsOf('requests.changed').length).toBeGreaterThan(before);
  });

  it('is sent what it missed while the portal was away, and reloads on a reset when that cannot be told', async () => {
    const port = Number(new URL(demo.url).port);
    const dataDirectory = demo.portal.layout.dataDirectory;
    const messagesSeen = (): number =>
      app.eventsOf('requests.changed').filter((e) => e.type === 'request.message' && e.id === requestId).length;
    const before = messagesSeen();
    await demo.portal.close();
    await expect.poll(() => app.session.listening, { timeout: 5_000 }).toBe(false);
    // Meanwhile the engineer writes through another instance on the same database.
    const token = (await engineer.token()) ?? '';
    const other = await createPortal({ dataDirectory, refreshEveryMs: 0 });
    try {
      const otherUrl = await other.listen({ host: '127.0.0.1', port: 0 });
      const engineerThere = new PortalClient({
        portalUrl: otherUrl,
        secrets: { get: async () => token, set: async () => undefined, delete: async () => undefined },
      });
      await engineerThere.call('postMessage', {
        params: { id: requestId },
        body: { body: 'Written while your portal was away.' },
      });
    } finally {
      await other.close();
    }
    demo.portal = await createPortal({ dataDirectory, refreshEveryMs: 0 });
    await demo.portal.listen({ host: '127.0.0.1', port });
    await expect.poll(messagesSeen, { timeout: 10_000 }).toBe(before + 1);
    expect(app.eventsOf('requests.reset')).toEqual([]);

    // Events the app saw are gone from the portal (its database was restored from an older backup, say).
    await demo.portal.close();
    await expect.poll(() => app.session.listening, { timeout: 5_000 }).toBe(false);
    const db = openDatabase({ dataDirectory });
    await db.deleteFrom('request_events').execute();
    await db.destroy();
    demo.portal = await createPortal({ dataDirectory, refreshEveryMs: 0 });
    await demo.portal.listen({ host: '127.0.0.1', port });
    await app.waitForEvent('requests.reset', () => true);
    await expect.poll(() => app.session.listening, { timeout: 5_000 }).toBe(true);
  });

  it('stops listening when the session is signed out elsewhere', async () => {
    // The same token, revoked by another window of the same user (the CLI shares it): the stream is refused with 401.
    const client = app.session.client();
    const token = (await client.portal.token()) ?? '';
    const other = new PortalClient({
      portalUrl: demo.url,
      secrets: { get: async () => token, set: async () => undefined, delete: async () => undefined },
    });
    await other.signOut();
    // The portal notices at its next heartbeat or when the stream is reopened; end the stream by restarting the portal.
    const port = Number(new URL(demo.url).port);
    const dataDirectory = demo.portal.layout.dataDirectory;
    await demo.portal.close();
    demo.portal = await createPortal({ dataDirectory, refreshEveryMs: 0 });
    await demo.portal.listen({ host: '127.0.0.1', port });
    // The app remembers who is signed in; only the stream's 401 makes it forget, so the view turning to nobody
    // shows the refusal was heard, and the stream is then closed for good rather than retried.
    await expect.poll(async () => (await app.call('session.get', {})).account, { timeout: 10_000 }).toBeNull();
    expect(app.session.listening).toBe(false);
  });
});
