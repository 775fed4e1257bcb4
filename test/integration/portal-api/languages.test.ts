/**
 * The portal in the asker's language: error bodies follow Accept-Language (Chinese or English, English when the
 * header is missing, malformed or names neither), say so in Content-Language and Vary, and a sign-in remembers the
 * language for the account (what mail to it is written in), shown by /api/v1/me.
 */
import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import type { Account, Session } from '../../../shared/contracts/accounts.js';
import { translate } from '../../../shared/i18n/translator.js';
import { createAccount, mailLocale } from '../../../portal/accounts/index.js';
import { getAccount } from '../../../portal/db/accounts.js';
import { coded, describePortal, ENGINEER, NW_IT, type Reply, type TestPortal } from './harness.js';

const CHINESE = 'zh-CN,zh;q=0.9,en;q=0.8';
const PASSWORD = 'a long enough password for the test';
const HAN = /[\u4e00-\u9fff]/;

async function newAccount(t: TestPortal): Promise<string> {
  const email = `reader-${randomBytes(4).toString('hex')}@hicare.example`;
  await createAccount(t.portal.db, { email, name: 'Reader', role: 'engineer', password: PASSWORD }, t.clock.now);
  return email;
}

function signIn(t: TestPortal, email: string, password: string, language?: string): Promise<Reply<Session>> {
  return t.request<Session>('POST', '/api/v1/sessions', {
    body: { email, password },
    ...(language === undefined ? {} : { headers: { 'accept-language': language } }),
  });
}

/** What no error body may show a user, in any language. */
function expectNoInternalText(reply: Reply): void {
  const text = reply.bytes.toString('utf8');
  for (const internal of ['stack', 'Error:', 'at ', 'ENOENT', 'errors.', 'undefined', 'ZodError']) {
    expect(text).not.toContain(internal);
  }
}

function expectLanguage(reply: Reply, locale: string): void {
  expect(reply.headers.get('content-language')).toBe(locale);
  expect(reply.headers.get('vary') ?? '').toMatch(/accept-language/i);
}

describePortal('the portal in the asker’s language', (t) => {
  it('refuses a wrong password in Chinese when asked for it, and in English otherwise', async () => {
    const email = await newAccount(t);
    const zh = await signIn(t, email, 'not the password at all', CHINESE);
    expect(zh.status).toBe(401);
    expectLanguage(zh, 'zh-CN');
    const body = coded(zh);
    expect(body.code).toBe('INVALID_CREDENTIALS');
    expect(body.message).toBe('电子邮件地址或密码不正确。');
    expect(body.remedy).toBe(translate('zh-CN', 'errors.INVALID_CREDENTIALS.signIn.remedy', { freeAttempts: 3 }));
    expect(body.remedy).toMatch(HAN);
    expect(body.message + body.remedy).not.toMatch(/[A-Za-z]/);
    expectNoInternalText(zh);

    const en = await signIn(t, email, 'not the password at all');
    expect(en.status).toBe(401);
    expectLanguage(en, 'en');
    expect(coded(en).message).toBe('The email address or the password is not correct.');
    expect(coded(en).remedy).not.toMatch(HAN);
    expectNoInternalText(en);
  });

  it('answers an unknown address in the language asked for, naming the address', async () => {
    const zh = await t.request('GET', '/api/v1/no-such-thing', { headers: { 'accept-language': 'zh' } });
    expect(zh.status).toBe(404);
    expectLanguage(zh, 'zh-CN');
    expect(coded(zh)).toMatchObject({
      code: 'NOT_FOUND',
      message: 'GET /api/v1/no-such-thing 处没有任何内容。',
      remedy: '请对照 /openapi.json 检查地址。',
      key: 'NOT_FOUND.portalRoute',
    });
    expectNoInternalText(zh);

    const en = await t.request('GET', '/api/v1/no-such-thing');
    expectLanguage(en, 'en');
    expect(coded(en).message).toBe('Nothing at GET /api/v1/no-such-thing.');
  });

  it.each([
    ['a malformed header', ';;q=x, ,=,*;q=0.5'],
    ['only languages the portal does not speak', 'fr-FR,de;q=0.8'],
    ['Chinese refused with q=0', 'zh-CN;q=0, fr'],
    ['the test pseudo-locale', 'en-XA'],
  ])('answers in English for %s', async (_what, header) => {
    const reply = await t.request('GET', '/api/v1/me', { headers: { 'accept-language': header } });
    expect(reply.status).toBe(401);
    expectLanguage(reply, 'en');
    expect(coded(reply).message).toBe('This call needs a bearer token.');
    expectNoInternalText(reply);
  });

  it('answers a malformed body in the asker’s language too', async () => {
    const bad = await t.request('POST', '/api/v1/sessions', {
      rawBody: '{"email":',
      headers: { 'content-type': 'application/json', 'accept-language': CHINESE },
    });
    expect(bad.status).toBe(400);
    expectLanguage(bad, 'zh-CN');
    expect(coded(bad).message).toBe('请求正文不是有效的 JSON。');
  });

  it('names refused values in Chinese, with no English words but the fields’ names', async () => {
    const zh = await t.request('POST', '/api/v1/sessions', {
      body: { email: '', password: 7 },
      headers: { 'accept-language': CHINESE },
    });
    expect(zh.status).toBe(400);
    expectLanguage(zh, 'zh-CN');
    const body = coded(zh);
    expect(body.code).toBe('INVALID_INPUT');
    expect(body.message).toMatch(/^以下值不被接受：/);
    expect(body.remedy).toBe(translate('zh-CN', 'errors.INVALID_INPUT.valuesResend.remedy'));
    expect(`${body.message} ${body.remedy}`.replace(/\b(email|password)\b/g, '')).not.toMatch(/[A-Za-z]/);
    expectNoInternalText(zh);

    const en = await t.request('POST', '/api/v1/sessions', { body: { email: '', password: 7 } });
    expect(coded(en).message).toMatch(/^These values are not accepted: email: /);
    expect(coded(en).remedy).toBe('Correct the values named and send the request again.');
  });

  it('refuses a role in Chinese without the English summary of the endpoint', async () => {
    const token = await t.signIn(NW_IT);
    const zh = await t.request('GET', '/api/v1/admin/reports/surveys', {
      token,
      headers: { 'accept-language': CHINESE },
    });
    expect(zh.status).toBe(403);
    expect(coded(zh).message).toBe('IT 人员账户无权使用此功能。');
    expect(coded(zh).message + coded(zh).remedy).not.toMatch(/[A-Za-z]{3,}/);

    const engineer = await t.signIn(ENGINEER);
    const download = await t.request('GET', '/api/v1/packages/atlas-2.3.1.tar.gz', {
      token: engineer,
      headers: { 'accept-language': CHINESE },
    });
    expect(download.status).toBe(403);
    expect(coded(download).message).toBe('技术支持工程师账户无权下载软件包。');
  });

  it('remembers the language of a sign-in for the account, shows it on /me, and writes its mail in it', async () => {
    const email = await newAccount(t);
    const first = await signIn(t, email, PASSWORD);
    expect(first.status).toBe(200);
    expect(first.body.account.language).toBeNull();
    const account = await getAccount(t.portal.db, first.body.account.id);
    expect(account?.language).toBeNull();
    expect(mailLocale(account ?? {})).toBe('en');

    const zh = await signIn(t, email, PASSWORD, CHINESE);
    expect(zh.body.account.language).toBe('zh-CN');
    const me = await t.request<Account>('GET', '/api/v1/me', { token: zh.body.token });
    expect(me.status).toBe(200);
    expect(me.body.language).toBe('zh-CN');
    expect(mailLocale((await getAccount(t.portal.db, zh.body.account.id)) ?? {})).toBe('zh-CN');

    // A sign-in that names no language the portal speaks leaves the account's as it was.
    await signIn(t, email, PASSWORD);
    await signIn(t, email, PASSWORD, 'fr-FR');
    const still = await t.request<Account>('GET', '/api/v1/me', { token: first.body.token });
    expect(still.body.language).toBe('zh-CN');

    await signIn(t, email, PASSWORD, 'en-GB,en;q=0.9');
    const back = await t.request<Account>('GET', '/api/v1/me', { token: first.body.token });
    expect(back.body.language).toBe('en');
  });
});
