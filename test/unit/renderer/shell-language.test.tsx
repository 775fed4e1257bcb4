/**
 * What a reader of each language sees in the app's frame: the sidebar, coded errors (rendered again from their key
 * in the language chosen now), field problems and loading notes; and that the whole frame switches at once.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorNotice } from '../../../renderer/src/components/ErrorNotice.js';
import { textProblem } from '../../../renderer/src/components/FieldMessage.js';
import { Pending } from '../../../renderer/src/components/Section.js';
import { Sidebar } from '../../../renderer/src/components/Sidebar.js';
import { applyLanguage, currentLocale } from '../../../renderer/src/i18n/index.js';
import { toShownError } from '../../../renderer/src/lib/errors.js';
import { installedVersionWords } from '../../../renderer/src/lib/installed-words.js';
import { HicareError } from '../../../shared/errors.js';
import type { Locale } from '../../../shared/i18n/locales.js';

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();

const admin = {
  id: 'acc_1',
  name: 'Contoso Grid admin',
  email: 'admin@contoso.example',
  role: 'customer-admin' as const,
  customerId: 'cus_1',
};

afterEach(() => applyLanguage('en'));

describe('the sidebar', () => {
  it.each<[Locale, string[]]>([
    [
      'en',
      ['Overview', 'Systems & updates', 'Downloads', 'Requests', 'Settings', 'Customer administrator', 'Sign out'],
    ],
    ['zh-CN', ['概览', '系统与更新', '下载', '服务请求', '设置', '客户管理员', '退出登录']],
  ])('names the sections, the role and signing out in %s', (locale, words) => {
    applyLanguage(locale);
    const html = renderToStaticMarkup(
      <Sidebar account={admin as never} current="overview" counts={{ systems: 3 }} onSignOut={() => undefined} />,
    );
    for (const word of words) expect(text(html)).toContain(word);
    expect(html).toContain(locale === 'en' ? 'aria-label="(3 new)"' : 'aria-label="（3 个新版本）"');
  });
});

describe('a coded error', () => {
  const raised = toShownError(new HicareError('INTERNAL.unexpected', {}, { what: 'x' }));

  it('keeps the key it was raised with, so it is written again in the language chosen when shown', () => {
    expect(raised).toMatchObject({ code: 'INTERNAL', key: 'INTERNAL.unexpected' });
    applyLanguage('zh-CN');
    const html = renderToStaticMarkup(<ErrorNotice error={raised} />);
    expect(text(html)).toBe('Hi-Care 更新管理器遇到了无法处理的情况。 请向厂商报告此问题，并附上支持包。 INTERNAL');
  });

  it('keeps the text it came with when it has no key', () => {
    applyLanguage('zh-CN');
    const html = renderToStaticMarkup(<ErrorNotice error={{ code: 'OFFLINE', message: 'As sent.', remedy: 'Do.' }} />);
    expect(text(html)).toBe('As sent. Do. OFFLINE');
  });

  it('names the item it is about, in the reader’s punctuation', () => {
    applyLanguage('zh-CN');
    const html = renderToStaticMarkup(<ErrorNotice error={raised} subject="atlas/2.0.0/a.tar.gz" />);
    expect(text(html)).toContain('atlas/2.0.0/a.tar.gz：Hi-Care 更新管理器遇到了无法处理的情况。');
  });

  it.each<[Locale, string]>([
    ['en', 'Something went wrong inside the app.'],
    ['zh-CN', '应用内部出现问题。'],
  ])('that is not an error at all reads as the app’s own fault in %s', (locale, message) => {
    applyLanguage(locale);
    expect(toShownError(undefined).message).toBe(message);
  });
});

describe('words of the frame in each language', () => {
  it.each<[Locale, () => string | undefined, string]>([
    [
      'en',
      () => textProblem('', { what: 'your message', max: 10, required: true }),
      'Enter your message: it cannot be empty.',
    ],
    ['zh-CN', () => textProblem('', { what: '消息', max: 10, required: true }), '请输入消息，此项不能为空。'],
    [
      'en',
      () => textProblem('x'.repeat(1001), { what: 'the comment', max: 1000 }),
      'The comment can be at most 1,000 characters; this has 1,001. Shorten it.',
    ],
    [
      'zh-CN',
      () => textProblem('字'.repeat(1001), { what: '备注', max: 1000 }),
      '备注最多 1,000 个字符，当前为 1,001 个。请缩短。',
    ],
    ['en', () => installedVersionWords({ installedVersion: null }), 'Not known'],
    [
      'zh-CN',
      () => installedVersionWords({ installedVersion: '9.9.9', notInCatalog: true }),
      '9.9.9（不在版本目录中）',
    ],
    ['zh-CN', () => text(renderToStaticMarkup(<Pending what="您的系统" />)), '正在加载您的系统…'],
  ])('in %s, one of them reads as expected (#%#)', (locale, words, expected) => {
    applyLanguage(locale);
    expect(words()).toBe(expected);
  });

  it('switches the language at once, and back', () => {
    applyLanguage('zh-CN');
    expect(currentLocale()).toBe('zh-CN');
    applyLanguage('en');
    expect(currentLocale()).toBe('en');
  });
});
