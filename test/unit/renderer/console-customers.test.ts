import { describe, expect, it } from 'vitest';
import { NewAccountSchema, SystemMoveSchema } from '../../../shared/contracts/admin/customers.js';
import { translator } from '../../../shared/i18n/translator.js';
import { checkForm, given } from '../../../renderer/src/screens/console/customers/form-check.js';
import { roleKey } from '../../../renderer/src/screens/console/customers/words.js';
import { ROLES } from '../../../shared/domain/request-state.js';

describe('the console’s customer forms', () => {
  it.each([
    ['', undefined],
    ['   ', undefined],
    [' acme ', 'acme'],
  ])('reads %j as %j', (typed, expected) => {
    expect(given(typed)).toBe(expected);
  });

  it('passes values the portal would accept, parsed', () => {
    const checked = checkForm(SystemMoveSchema, { location: '  Plant 2 ' }, 'en');
    expect(checked).toEqual({ ok: true, value: { location: 'Plant 2' } });
  });

  it.each(['en', 'zh-CN'] as const)('refuses what the portal would, as a coded error in %s', (locale) => {
    const checked = checkForm(NewAccountSchema, { email: 'not an address', name: 'X', role: 'engineer' }, locale);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.error.code).toBe('INVALID_INPUT');
    expect(checked.error.message).toContain('email');
    expect(checked.error.remedy?.trim()).not.toBe('');
    expect(checked.error.message).not.toMatch(/zod|invalid_format/i);
    if (locale === 'zh-CN') expect(checked.error.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('writes every role in words of both languages, never its identifier', () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      const t = translator(locale);
      for (const role of ROLES) {
        const words = t(roleKey(role));
        expect(words).not.toBe(role);
        expect(words).not.toContain('admin.customers');
      }
    }
  });
});
