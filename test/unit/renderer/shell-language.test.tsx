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
import type { MessageParams } from '../../../shared/i18n/messages.js';
import { translate, type CatalogKey } from '../../../shared/i18n/translator.js';

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

describe('sentences of the screens, whole in each language', () => {
  it.each<[Locale, CatalogKey, MessageParams, string]>([
    ['en', 'app.downloads.bulk.started', { count: 1 }, '1 download started.'],
    ['en', 'app.downloads.bulk.started', { count: 2 }, '2 downloads started.'],
    ['zh-CN', 'app.downloads.bulk.started', { count: 2 }, '已开始 2 个下载。'],
    [
      'en',
      'app.overview.contract.meta',
      { id: 'C-1', region: 'EMEA', count: 1 },
      'Contract C-1 · region EMEA · 1 covered system',
    ],
    [
      'zh-CN',
      'app.overview.contract.meta',
      { id: 'C-1', region: 'EMEA', count: 3 },
      '合同 C-1 · 区域 EMEA · 覆盖 3 个系统',
    ],
    [
      'en',
      'app.overview.change.ending',
      { endDate: '2027-03-31', zone: 'Asia/Shanghai', daysLeft: 1 },
      'Service ends on 31 Mar 2027, Asia/Shanghai (1 day left). Renewing keeps updates, TAC support and online self-help running without a gap.',
    ],
    [
      'zh-CN',
      'app.overview.change.expired',
      { endDate: '2027-03-31', zone: 'Asia/Shanghai' },
      '服务已于 2027年3月31日 (Asia/Shanghai) 结束。此前发布的版本仍可使用；续签后可获得更新的版本，并可再次提交服务请求。',
    ],
    ['en', 'app.install.knownIssues.heading', { count: 1 }, 'A known issue matches this failure'],
    ['zh-CN', 'app.install.knownIssues.heading', { count: 2 }, '有 2 个已知问题与此次失败相符'],
    ['en', 'app.install.path.installPath', { earlier: '1.9.0', last: '2.3.1' }, 'Install the path (1.9.0, then 2.3.1)'],
    ['zh-CN', 'app.install.path.installPath', { earlier: '1.9.0', last: '2.3.1' }, '安装升级路径（1.9.0，然后 2.3.1）'],
    [
      'en',
      'app.shell.hostLine',
      { version: '0.1.0', host: 'electron', platform: 'linux-x64' },
      '0.1.0 · desktop · linux-x64',
    ],
    [
      'zh-CN',
      'app.shell.hostLine',
      { version: '0.1.0', host: 'web', platform: 'linux-x64' },
      '0.1.0 · 浏览器版 · linux-x64',
    ],
  ])('in %s, %s reads as written', (locale, key, params, expected) => {
    expect(translate(locale, key, params)).toBe(expected);
  });
});
