import { describe, expect, it } from 'vitest';
import {
  acceptLanguageTags,
  matchLocale,
  negotiateLocale,
  posixLocale,
  resolveLanguage,
} from '../../../../shared/i18n/locales.js';

describe('matchLocale', () => {
  it.each([
    ['zh', 'zh-CN'],
    ['zh-CN', 'zh-CN'],
    ['zh-Hans-CN', 'zh-CN'],
    ['zh_TW.UTF-8', 'zh-CN'],
    ['en-US', 'en'],
    ['EN', 'en'],
    ['en-XA', 'en-XA'],
    ['de-DE', null],
    ['', null],
  ])('%s → %s', (tag, locale) => {
    expect(matchLocale(tag)).toBe(locale);
  });
});

describe('acceptLanguageTags', () => {
  it.each([
    ['zh-CN,zh;q=0.9,en;q=0.8', ['zh-CN', 'zh', 'en']],
    ['en;q=0.5, zh;q=0.9', ['zh', 'en']],
    ['de, en;q=0', ['de']],
    ['*', []],
    ['<script>, en', ['en']],
    [undefined, []],
  ])('%s', (header, tags) => {
    expect(acceptLanguageTags(header)).toEqual(tags);
  });
});

describe('negotiateLocale', () => {
  it.each([
    [['de-DE', 'zh-CN'], 'zh-CN'],
    [['fr'], 'en'],
    [[], 'en'],
    [['en-GB', 'zh'], 'en'],
  ])('%j → %s', (prefs, locale) => {
    expect(negotiateLocale(prefs)).toBe(locale);
  });
});

describe('posixLocale', () => {
  it.each([
    [{ LANG: 'zh_CN.UTF-8' }, 'zh-CN'],
    [{ LANG: 'zh_CN.UTF-8', LC_ALL: 'C' }, 'en'],
    [{ LANG: 'en_US.UTF-8', LC_MESSAGES: 'zh_CN.GB18030' }, 'zh-CN'],
    [{ LANGUAGE: 'fr:zh_CN', LANG: 'en_US.UTF-8' }, 'zh-CN'],
    [{ LANG: 'C.UTF-8' }, 'en'],
    [{ LANG: 'de_DE.UTF-8' }, null],
    [{}, null],
  ])('%j → %s', (env, locale) => {
    expect(posixLocale(env)).toBe(locale);
  });
});

describe('resolveLanguage', () => {
  it('follows the system unless a language is set', () => {
    expect(resolveLanguage('system', ['zh-CN'])).toBe('zh-CN');
    expect(resolveLanguage('en', ['zh-CN'])).toBe('en');
    expect(resolveLanguage('zh-CN', ['en-US'])).toBe('zh-CN');
  });
});
