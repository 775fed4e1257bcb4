import { describe, expect, it } from 'vitest';
import { HicareError } from '../../../../shared/errors.js';
import { localizeProblem } from '../../../../shared/i18n/problem.js';
import { pseudoMessage } from '../../../../shared/i18n/pseudo.js';
import { translate } from '../../../../shared/i18n/translator.js';

describe('translate', () => {
  it('writes a key in each language, with ICU plurals', () => {
    expect(translate('en', 'common.duration.days', { days: 2, hours: 4 })).toBe('2 d 4 h');
    expect(translate('zh-CN', 'common.duration.days', { days: 2, hours: 4 })).toBe('2 天 4 小时');
    expect(translate('en', 'common.list.more', { shown: 'a, b', count: 1 })).toBe('a, b and 1 more');
  });

  it('accents the pseudo-locale and keeps arguments and plurals working', () => {
    expect(translate('en-XA', 'common.list.more', { shown: 'a, b', count: 3 })).toBe('⟦a, b àñđ 3 ɱöŕé⟧');
    expect(pseudoMessage("Use '{x}' {n, plural, one {# day} other {# days}}")).toBe(
      "⟦Ûšé '{x}' {n, plural, one {# đàý} other {# đàýš}}⟧",
    );
  });
});

describe('HicareError', () => {
  it('keeps English text for logs and writes its body in the reader’s language', () => {
    const error = new HicareError('INTERNAL');
    expect(error.message).toBe('Something went wrong inside Hi-Care Update Manager.');
    const body = error.toBody('zh-CN');
    expect(body).toMatchObject({ code: 'INTERNAL', key: 'INTERNAL', message: 'Hi-Care 更新管理器内部出错。' });
    expect(localizeProblem('en', body).message).toBe(error.message);
  });

  it('renders a problem without a key as it came', () => {
    expect(localizeProblem('zh-CN', { code: 'X', message: 'as sent', remedy: 'r' })).toEqual({
      message: 'as sent',
      remedy: 'r',
    });
  });
});

describe('HicareError.fromBody', () => {
  it('passes a body on, rendering it again in another language when its key is known', () => {
    const error = HicareError.fromBody(
      { code: 'INTERNAL', key: 'INTERNAL', message: 'x', remedy: 'y' },
      { status: 500 },
    );
    expect(error.details).toEqual({ status: 500 });
    expect(error.toBody('zh-CN').message).toBe('Hi-Care 更新管理器内部出错。');
  });

  it('keeps the text of a key this build does not know', () => {
    const error = HicareError.fromBody({ code: 'INTERNAL', key: 'INTERNAL.newer', message: 'as sent', remedy: 'r' });
    expect(error.toBody('zh-CN')).toMatchObject({ message: 'as sent', remedy: 'r' });
  });
});
