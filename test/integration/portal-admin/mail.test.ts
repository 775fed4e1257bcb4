/**
 * E-mail end to end against a real SMTP server: the survey invitation after closure in the account's language, its
 * one-use expiring page, SMTP down for a while (queued, retried with backoff, sent once when it is back), opt-out,
 * contract-expiry notices once per threshold, SLA at risk once, two senders not doubling, and the admin outbox.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { OutboxEntry } from '../../../shared/contracts/admin/mail.js';
import type { Page } from '../../../shared/contracts/admin/paging.js';
import type { ServiceRequest } from '../../../shared/contracts/requests.js';
import { addDays, calendarDateAt } from '../../../shared/domain/dates.js';
import { setAccountLanguage, findAccountByEmail } from '../../../portal/db/accounts.js';
import { getContract } from '../../../portal/db/contracts.js';
import { enqueueMail } from '../../../portal/mail/outbox.js';
import { createMailSender, type MailSender } from '../../../portal/mail/sender.js';
import { coded, describePortal, ENGINEER, NW_ADMIN, PORTAL_ADMIN, type TestPortal } from '../portal-api/harness.js';
import { A_SOLUTION, act, expectOk, openRequest, requestBody, Sessions } from '../portal-requests/support.js';
import { linkIn, TestSmtp } from './mail-support.js';

const DAY = 86_400_000;

describePortal('e-mail', (t: TestPortal) => {
  const smtp = new TestSmtp();
  const s = new Sessions(t);
  let sender: MailSender;

  beforeAll(async () => {
    await smtp.start();
    sender = newSender('instance-a');
  });
  afterAll(async () => {
    sender.close();
    await smtp.stop();
  });

  function newSender(holder: string): MailSender {
    return createMailSender({
      db: t.portal.db,
      now: () => new Date(t.clock.now),
      settings: { smtpUrl: smtp.url, from: 'Hi-Care <hicare@vendor.example>', publicUrl: t.url },
      holder,
      random: () => 0.5,
    });
  }

  async function outboxRows(prefix: string) {
    return t.portal.db.selectFrom('mail_outbox').selectAll().where('dedupe_key', 'like', `${prefix}%`).execute();
  }

  async function closedRequest(): Promise<ServiceRequest> {
    const customer = await s.token(NW_ADMIN);
    const engineer = await s.token(ENGINEER);
    const opened = await openRequest(t, customer, requestBody({ priority: 'P3' }));
    await expectOk(act(t, engineer, opened.id, 'accept'));
    await expectOk(act(t, engineer, opened.id, 'start-work'));
    await expectOk(act(t, engineer, opened.id, 'propose-solution', A_SOLUTION));
    await expectOk(act(t, customer, opened.id, 'confirm'));
    return expectOk(act(t, engineer, opened.id, 'close'));
  }

  async function surveyCount(requestId: string): Promise<number> {
    return (await t.portal.db.selectFrom('surveys').select('rating').where('request_id', '=', requestId).execute())
      .length;
  }

  it('sends the survey invitation after closure in the account’s language; its link records the answer once', async () => {
    const admin = await findAccountByEmail(t.portal.db, NW_ADMIN);
    await setAccountLanguage(t.portal.db, admin!.id, 'zh-CN');
    try {
      const closed = await closedRequest();
      expect(await sender.tick()).toEqual({ sent: 3, failed: 0 });
      const mails = smtp.to(NW_ADMIN).filter((m) => m.text.includes(closed.number));
      expect(mails).toHaveLength(3);
      const survey = mails.find((m) => m.text.includes('/survey/'));
      expect(survey?.subject).toBe(`服务请求 ${closed.number} 的服务您满意吗？`);
      expect(survey?.text).toContain('只需一分钟，无需登录');
      expect(survey?.text).toContain(`hicare://request/${closed.id}`);
      expect(mails.map((m) => m.subject)).toContain(`服务请求 ${closed.number} 已受理`);
      const link = linkIn(survey!.text, /http:\/\/127\.0\.0\.1:\d+\/survey\/[A-Za-z0-9_-]+/);
      const path = new URL(link).pathname;

      const page = await t.request('GET', path, { headers: { 'accept-language': 'zh-CN' } });
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(page.headers.get('referrer-policy')).toBe('no-referrer');
      const html = page.bytes.toString('utf8');
      expect(html).toContain(`您对服务请求 ${closed.number} 的服务满意吗？`);
      expect(html).not.toContain('<script');
      expect(html).toContain(`hicare://request/${closed.id}`);

      const form = { 'content-type': 'application/x-www-form-urlencoded' };
      const bad = await t.request('POST', path, { rawBody: 'rating=9', headers: form });
      expect(bad.status).toBe(400);
      expect(bad.bytes.toString('utf8')).toContain('data-code="INVALID_INPUT"');
      expect(await surveyCount(closed.id)).toBe(0);

      const answered = await t.request('POST', path, {
        rawBody: 'rating=4&comment=Quick+and+clear',
        headers: { ...form, 'accept-language': 'en' },
      });
      expect(answered.status).toBe(200);
      expect(answered.bytes.toString('utf8')).toContain('Thank you. Your answer is recorded.');
      const row = await t.portal.db
        .selectFrom('surveys')
        .selectAll()
        .where('request_id', '=', closed.id)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ rating: 4, comment: 'Quick and clear', account_id: admin!.id });

      const again = await t.request('POST', path, {
        rawBody: 'rating=1',
        headers: { ...form, 'accept-language': 'en' },
      });
      expect(again.status).toBe(409);
      const text = again.bytes.toString('utf8');
      expect(text).toContain('data-code="ALREADY_EXISTS"');
      expect(text).toContain('This survey link was already used: the answer is recorded.');
      expect(text).toContain('Nothing needs to be done.');
      expect(await surveyCount(closed.id)).toBe(1);
      // The app's own form does not count a second answer either.
      const viaApp = await t.request('POST', `/api/v1/requests/${closed.id}/survey`, {
        token: await s.token(NW_ADMIN),
        body: { rating: 2, comment: '' },
      });
      expect(coded(viaApp).code).toBe('ALREADY_EXISTS');
      expect(await surveyCount(closed.id)).toBe(1);
    } finally {
      await setAccountLanguage(t.portal.db, admin!.id, 'en');
    }
  });

  it('refuses an expired survey link with a coded page and records nothing', async () => {
    const closed = await closedRequest();
    await sender.tick();
    const survey = smtp.to(NW_ADMIN).find((m) => m.text.includes(closed.number) && m.text.includes('/survey/'));
    expect(survey?.subject).toBe(`How did we do with service request ${closed.number}?`);
    const path = new URL(linkIn(survey!.text, /http:\/\/127\.0\.0\.1:\d+\/survey\/[A-Za-z0-9_-]+/)).pathname;
    const saved = t.clock.now;
    t.clock.now = new Date(saved.getTime() + 31 * DAY);
    try {
      for (const method of ['GET', 'POST']) {
        const reply = await t.request(method, path, {
          ...(method === 'POST' ? { rawBody: 'rating=5' } : {}),
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        });
        expect(reply.status).toBe(410);
        const html = reply.bytes.toString('utf8');
        expect(html).toContain('data-code="LINK_EXPIRED"');
        expect(html).toMatch(/This survey link expired on .+\./);
        expect(html).toContain('You can still answer in the Hi-Care Update Manager');
      }
      expect(await surveyCount(closed.id)).toBe(0);
    } finally {
      t.clock.now = saved;
    }
    const unknown = await t.request('GET', '/survey/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    expect(unknown.status).toBe(404);
    expect(unknown.bytes.toString('utf8')).toContain('data-code="NOT_FOUND"');
  });

  it('keeps mail while SMTP is down, retries with backoff, and sends it once when SMTP is back', async () => {
    await smtp.stop();
    const start = t.clock.now;
    try {
      const opened = await openRequest(t, await s.token(NW_ADMIN), requestBody({ priority: 'P3' }));
      await expectOk(act(t, await s.token(ENGINEER), opened.id, 'accept'));
      const key = `request-update:accepted:${opened.id}`;

      expect(await sender.tick()).toEqual({ sent: 0, failed: 1 });
      let [row] = await outboxRows(key);
      expect(row).toMatchObject({ state: 'queued', attempts: 1, message_id: null });
      expect(JSON.parse(row!.last_error!)).toEqual({ reason: 'unreachable', server: `127.0.0.1:${smtp.port}` });
      const firstWait = Date.parse(row!.next_attempt_at) - t.clock.now.getTime();
      expect(firstWait).toBeGreaterThanOrEqual(30_000);

      // Not due yet: nothing is tried.
      expect(await sender.tick()).toEqual({ sent: 0, failed: 0 });
      t.clock.now = new Date(Date.parse(row!.next_attempt_at));
      expect(await sender.tick()).toEqual({ sent: 0, failed: 1 });
      [row] = await outboxRows(key);
      expect(row!.attempts).toBe(2);
      const secondWait = Date.parse(row!.next_attempt_at) - t.clock.now.getTime();
      expect(secondWait).toBeGreaterThan(firstWait);

      const admin = await t.request<Page<OutboxEntry>>('GET', `/api/v1/admin/mail?state=queued&q=northwind`, {
        token: await s.token(PORTAL_ADMIN),
      });
      const listed = admin.body.items.find((i) => i.id === row!.id);
      expect(listed).toMatchObject({ state: 'queued', attempts: 2, lastError: { reason: 'unreachable' } });

      await smtp.start();
      t.clock.now = new Date(Date.parse(row!.next_attempt_at));
      const before = smtp.mails.length;
      expect((await sender.tick()).sent).toBeGreaterThanOrEqual(1);
      expect(await sender.tick()).toEqual({ sent: 0, failed: 0 });
      [row] = await outboxRows(key);
      expect(row).toMatchObject({ state: 'sent', attempts: 3, message_id: `<${row!.id}@hicare-portal>` });
      const copies = smtp.mails.slice(before).filter((m) => m.messageId === row!.message_id);
      expect(copies).toHaveLength(1);
      expect(copies[0]?.subject).toBe(`Service request ${opened.number} is accepted`);
    } finally {
      t.clock.now = start;
      await smtp.start().catch(() => undefined);
    }
  });

  it('respects an opt-out, set in the account’s preferences or by the unsubscribe link', async () => {
    const customer = await s.token(NW_ADMIN);
    const off = await t.request<{ kinds: Record<string, boolean> }>('PUT', '/api/v1/me/mail-preferences', {
      token: customer,
      body: { kinds: { 'request-update': false } },
    });
    expect(off.status).toBe(200);
    expect(off.body.kinds).toEqual({
      'survey-invitation': true,
      'request-update': false,
      'sla-at-risk': true,
      'contract-expiring': true,
    });
    const opened = await openRequest(t, customer, requestBody({ priority: 'P3' }));
    await expectOk(act(t, await s.token(ENGINEER), opened.id, 'accept'));
    expect(await outboxRows(`request-update:accepted:${opened.id}`)).toHaveLength(0);

    await expectOk(
      t.request('PUT', '/api/v1/me/mail-preferences', { token: customer, body: { kinds: { 'request-update': true } } }),
    );
    await expectOk(act(t, await s.token(ENGINEER), opened.id, 'start-work'));
    await expectOk(act(t, await s.token(ENGINEER), opened.id, 'propose-solution', A_SOLUTION));
    await sender.tick();
    const mail = smtp
      .to(NW_ADMIN)
      .find((m) => m.subject === `A solution is proposed for service request ${opened.number}`);
    const path = new URL(linkIn(mail!.text, /http:\/\/127\.0\.0\.1:\d+\/mail\/unsubscribe\/[A-Za-z0-9_-]+/)).pathname;
    const page = await t.request('GET', path);
    expect(page.bytes.toString('utf8')).toContain('Stop e-mails of this kind: Request update');
    const done = await t.request('POST', path, {
      rawBody: '',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(done.status).toBe(200);
    const prefs = await t.request<{ kinds: Record<string, boolean> }>('GET', '/api/v1/me/mail-preferences', {
      token: customer,
    });
    expect(prefs.body.kinds['request-update']).toBe(false);
    await expectOk(
      t.request('PUT', '/api/v1/me/mail-preferences', { token: customer, body: { kinds: { 'request-update': true } } }),
    );
  });

  it('tells the customer’s admins 60, 30 and 7 days before a contract ends, once each', async () => {
    const contract = (await getContract(t.portal.db, 'NW-SUP-2026'))!;
    const saved = t.clock.now;
    const at = (daysBefore: number): Date => {
      const day = addDays(contract.endDate, -daysBefore);
      // Noon in the contract's zone is that day there whatever the zone.
      const noon = new Date(`${day}T12:00:00Z`);
      expect(calendarDateAt(noon, contract.timeZone)).toBe(day);
      return noon;
    };
    const notices = async () =>
      (await outboxRows(`contract-expiring:${contract.id}:`)).map((r) => r.dedupe_key.split(':')[2]).sort();
    try {
      for (const [daysBefore, expected] of [
        [61, []],
        [60, ['60']],
        [45, ['60']],
        [30, ['30', '60']],
        [29, ['30', '60']],
        [7, ['30', '60', '7']],
        [3, ['30', '60', '7']],
      ] as const) {
        t.clock.now = at(daysBefore);
        await sender.scan();
        await sender.scan();
        expect(await notices()).toEqual(expected);
      }
      await sender.tick();
      const mails = smtp.to(NW_ADMIN).filter((m) => m.text.includes(contract.id));
      expect(mails.map((m) => m.subject).sort()).toEqual(
        [
          'Your Hi-Care contract ends in 30 days',
          'Your Hi-Care contract ends in 60 days',
          'Your Hi-Care contract ends in 7 days',
        ].sort(),
      );
    } finally {
      t.clock.now = saved;
    }
  });

  it('warns the assigned engineer once when a response clock is at risk', async () => {
    const opened = await openRequest(t, await s.token(NW_ADMIN), requestBody({ priority: 'P2' }));
    const accepted = await expectOk(act(t, await s.token(ENGINEER), opened.id, 'accept'));
    const saved = t.clock.now;
    try {
      await sender.scan({ contracts: false });
      expect(await outboxRows(`sla-at-risk:${opened.id}:`)).toHaveLength(0);
      t.clock.now = new Date(Date.parse(accepted.sla.dueAt!) - 10 * 60_000);
      await sender.scan({ contracts: false });
      await sender.scan({ contracts: false });
      const rows = await outboxRows(`sla-at-risk:${opened.id}:`);
      expect(rows.map((r) => r.recipient)).toEqual([ENGINEER]);
      await sender.tick();
      expect(
        smtp.to(ENGINEER).filter((m) => m.subject === `Response due soon: P2 request ${opened.number}`),
      ).toHaveLength(1);
    } finally {
      t.clock.now = saved;
    }
  });

  it('sends each mail once when two senders work the same outbox', async () => {
    const admin = (await findAccountByEmail(t.portal.db, NW_ADMIN))!;
    const keys = Array.from({ length: 12 }, (_, i) => `request-update:race:${t.dialect}:${i}`);
    for (const [i, key] of keys.entries()) {
      await enqueueMail(
        t.portal.db,
        {
          kind: 'request-update',
          accountId: admin.id,
          dedupeKey: key,
          params: { requestId: `r${i}`, number: `RACE-${i}`, product: 'atlas', event: 'accepted' },
        },
        t.clock.now,
      );
    }
    // Queuing again (a retried change) adds nothing.
    expect(
      await enqueueMail(
        t.portal.db,
        { kind: 'request-update', accountId: admin.id, dedupeKey: keys[0]!, params: {} },
        t.clock.now,
      ),
    ).toBe(false);
    const other = newSender('instance-b');
    try {
      const before = smtp.mails.length;
      const [a, b] = await Promise.all([sender.tick(), other.tick()]);
      expect(a.sent + b.sent).toBe(12);
      const ids = smtp.mails.slice(before).map((m) => m.messageId);
      expect(new Set(ids).size).toBe(12);
      expect(ids).toHaveLength(12);
    } finally {
      other.close();
    }
  });

  it('lists the outbox for the vendor, retries a queued mail, refuses a sent one and other roles', async () => {
    const token = await s.token(PORTAL_ADMIN);
    const page = await t.request<Page<OutboxEntry>>('GET', '/api/v1/admin/mail?state=sent&limit=5', { token });
    expect(page.status).toBe(200);
    expect(page.body.items.length).toBe(5);
    const sent = page.body.items[0]!;
    const refused = await t.request('POST', `/api/v1/admin/mail/${sent.id}/retry`, { token });
    expect(refused.status).toBe(409);
    expect(coded(refused)).toMatchObject({
      code: 'ILLEGAL_TRANSITION',
      message: 'This mail was already sent; sending it again would deliver it twice.',
      remedy: 'Nothing needs to be done.',
    });
    const unchanged = await t.portal.db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('id', '=', sent.id)
      .executeTakeFirstOrThrow();
    expect(unchanged.state).toBe('sent');
    const missing = await t.request('POST', '/api/v1/admin/mail/nope/retry', { token });
    expect(coded(missing).code).toBe('NOT_FOUND');

    const admin = (await findAccountByEmail(t.portal.db, NW_ADMIN))!;
    await enqueueMail(
      t.portal.db,
      {
        kind: 'request-update',
        accountId: admin.id,
        dedupeKey: `retry:${t.dialect}`,
        params: { requestId: 'x', number: 'RETRY-1', product: 'atlas', event: 'accepted' },
      },
      new Date(t.clock.now.getTime() + DAY),
    );
    const [queued] = await outboxRows(`retry:${t.dialect}`);
    await t.portal.db
      .updateTable('mail_outbox')
      .set({ next_attempt_at: new Date(t.clock.now.getTime() + DAY).toISOString() })
      .where('id', '=', queued!.id)
      .execute();
    const retried = await t.request<OutboxEntry>('POST', `/api/v1/admin/mail/${queued!.id}/retry`, { token });
    expect(retried.status).toBe(200);
    expect(retried.body.nextAttemptAt).toBe(t.clock.now.toISOString());
    const audit = await t.portal.db
      .selectFrom('admin_audit')
      .selectAll()
      .where('subject_id', '=', queued!.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['mail.retry']);
    expect((await sender.tick()).sent).toBe(1);

    for (const email of [NW_ADMIN, ENGINEER]) {
      const other = await s.token(email);
      expect((await t.request('GET', '/api/v1/admin/mail', { token: other })).status).toBe(403);
      expect((await t.request('POST', `/api/v1/admin/mail/${sent.id}/retry`, { token: other })).status).toBe(403);
    }
  });
});
