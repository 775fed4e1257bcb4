/**
 * The portal's coded errors as a Chinese reader gets them: every variant of errors/portal.ts renders in Chinese
 * with its params in place, and a few representative raises, each from a different part of the portal, read as
 * finished Chinese sentences.
 */
import { describe, expect, it } from 'vitest';
import { portalErrors } from '../../../shared/i18n/catalogs/en/errors/portal.js';
import { HicareError, type ErrorKey } from '../../../shared/errors.js';
import { translate, type CatalogKey } from '../../../shared/i18n/translator.js';
import { assertPasswordPolicy } from '../../../portal/accounts/password.js';
import { mailLocale } from '../../../portal/accounts/mail-locale.js';
import { assertSafeEntryPath } from '../../../portal/demo/tar.js';
import { spokenLocale } from '../../../portal/http/locale.js';

const HAN = /[\u4e00-\u9fff]/;

function thrown(fn: () => unknown): HicareError {
  try {
    fn();
  } catch (error) {
    if (error instanceof HicareError) return error;
    throw error;
  }
  throw new Error('expected a coded error');
}

const variants = Object.entries(portalErrors).flatMap(([code, entries]) =>
  Object.keys(entries).map((variant) => `${code}.${variant}`),
);

describe('the portal’s error catalog in Chinese', () => {
  it.each(variants)('%s has a Chinese message and remedy', (key) => {
    for (const part of ['message', 'remedy'] as const) {
      const text = translate('zh-CN', `errors.${key}.${part}` as CatalogKey, {});
      expect(text).toMatch(HAN);
      expect(text).not.toContain(`errors.${key}`);
      expect(text).not.toBe(translate('en', `errors.${key}.${part}` as CatalogKey, {}));
    }
  });

  it.each<[string, () => unknown, string, string]>([
    [
      'a password outside the policy',
      () => assertPasswordPolicy('short'),
      '密码长度必须为 10 到 256 个字符。',
      '请选择至少 10 个字符的密码；几个互不相关的词组合起来，既好记又难猜。',
    ],
    [
      'an archive path that climbs out',
      () => assertSafeEntryPath('a/../b'),
      '归档条目路径“a/../b”用“..”跳出了目标目录。',
      '请使用以“/”分隔、不含“.”或“..”路径段的相对路径。',
    ],
  ])('%s reads in Chinese', (_what, raise, message, remedy) => {
    const body = thrown(raise).toBody('zh-CN');
    expect(body).toMatchObject({ code: 'INVALID_INPUT', message, remedy });
    expect(thrown(raise).toBody('en').message).not.toMatch(HAN);
  });

  it.each<[ErrorKey, Record<string, string | number>, string]>([
    [
      'RATE_LIMITED.signIn',
      { scope: 'account', unit: 'minutes', wait: 3, retryAt: '2026-03-01T08:00:00.000Z', zone: 'UTC' },
      '登录此账户失败的次数过多；下次尝试需等待 3 分钟。',
    ],
    [
      'TOKEN_EXPIRED.portalToken',
      { kind: 'apiKey', expiresAt: '2026-03-01T08:00:00.000Z', zone: 'UTC' },
      '此 API 密钥已于 2026年3月1日 08:00 (UTC) 过期。',
    ],
    ['INVALID_INPUT.accountNeedsCustomer', { role: 'itStaff' }, 'IT 人员账户必须属于某个客户。'],
    [
      'INVALID_INPUT.serveVariable',
      { name: 'PORT', value: 'x', expected: 'port' },
      'PORT 的值为“x”，不是0 到 65535 之间的端口号。',
    ],
  ])('%s writes its params into the Chinese sentence', (key, params, message) => {
    expect(new HicareError(key, params).toBody('zh-CN').message).toBe(message);
  });
});

describe('the language of a request and of an account', () => {
  it.each([
    [undefined, 'en'],
    ['zh-CN,zh;q=0.9', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['en-US,zh;q=0.5', 'en'],
    ['fr, zh;q=0.1', 'zh-CN'],
    ['en-XA', 'en'],
    ['!!, ;q=', 'en'],
  ])('Accept-Language %s reads as %s', (header, locale) => {
    expect(spokenLocale(header) ?? 'en').toBe(locale);
  });

  it('writes mail in the account’s language, else English', () => {
    expect(mailLocale({ language: 'zh-CN' })).toBe('zh-CN');
    expect(mailLocale({ language: null })).toBe('en');
    expect(mailLocale({})).toBe('en');
  });
});
