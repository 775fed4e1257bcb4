import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { en } from '../../../../shared/i18n/catalogs/en/index.js';
import { zhCN } from '../../../../shared/i18n/catalogs/zh-CN/index.js';
import { messageAt, messageKeys, type Messages } from '../../../../shared/i18n/messages.js';
import { ERROR_CODES } from '../../../../shared/errors.js';

const english = messageKeys(en);
const chinese = messageKeys(zhCN as Messages);

/** The argument names a message interpolates, so a translation cannot drop or misspell one. */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: ReturnType<IntlMessageFormat['getAst']>): void => {
    for (const el of elements) {
      if ('value' in el && typeof el.value === 'string' && el.type !== 0) names.add(el.value);
      if ('options' in el) for (const option of Object.values(el.options)) walk(option.value);
    }
  };
  walk(new IntlMessageFormat(message, 'en').getAst());
  return [...names].sort();
}

describe('the catalogs', () => {
  it('has every English key in Chinese', () => {
    expect(english.filter((key) => !chinese.includes(key))).toEqual([]);
  });

  it('has no Chinese key that English lacks', () => {
    expect(chinese.filter((key) => !english.includes(key))).toEqual([]);
  });

  it('parses every message as ICU', () => {
    const unparsable = [...english.map((key) => messageAt(en, key)), ...chinese.map((key) => messageAt(zhCN, key))]
      .map((message, at) => ({
        message: message ?? '',
        key: at < english.length ? english[at] : chinese[at - english.length],
      }))
      .filter(({ message }) => {
        try {
          new IntlMessageFormat(message, 'en');
          return false;
        } catch {
          return true;
        }
      })
      .map(({ key }) => key);
    expect(unparsable).toEqual([]);
  });

  it('uses the same arguments in both languages', () => {
    // Arguments Chinese leaves out on purpose: the endpoint's summary is English text from the API declaration.
    const dropped: Record<string, string[]> = { 'errors.FORBIDDEN.roleMayNot.message': ['summary'] };
    const mismatched = english.filter((key) => {
      const zh = argumentsOf(messageAt(zhCN as Messages, key) ?? '');
      const expected = argumentsOf(messageAt(en, key) ?? '').filter((name) => !(dropped[key] ?? []).includes(name));
      return expected.join() !== zh.join();
    });
    expect(mismatched).toEqual([]);
  });

  it('leaves no Chinese message in English', () => {
    // A message with Latin words and no Chinese character is an untranslated copy (names and units excepted).
    const allowed = /^(?:[\sA-Z0-9{}#,./:()—%+-]|KB|MB|GB|TB|B|s|Hi-Care|TAC|SLA|English|P[1-4])*$/;
    const untranslated = chinese.filter((key) => {
      const zh = messageAt(zhCN as Messages, key) ?? '';
      return !/[\u4e00-\u9fff]/.test(zh) && /[a-z]{3}/.test(zh.replace(/\{[^}]*\}/g, '')) && !allowed.test(zh);
    });
    expect(untranslated).toEqual([]);
  });

  it('keys errors by code, each entry with a message and a remedy', () => {
    const errors = en.errors as Messages;
    for (const code of Object.keys(errors)) expect(ERROR_CODES).toContain(code);
    const leaves = messageKeys(errors).map((key) => key.replace(/\.(message|remedy)$/, ''));
    const incomplete = [...new Set(leaves)].filter(
      (entry) =>
        messageAt(errors, `${entry}.message`) === undefined || messageAt(errors, `${entry}.remedy`) === undefined,
    );
    expect(incomplete).toEqual([]);
  });
});
