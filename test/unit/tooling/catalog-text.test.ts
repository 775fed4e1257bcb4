import { describe, expect, it } from 'vitest';
import { outsideCatalog } from '../../e2e/catalog-text.js';
import { translate } from '../../../shared/i18n/translator.js';

describe('outsideCatalog (the pseudo-locale check)', () => {
  it.each([
    ['a catalog message', translate('en-XA', 'common.unknown'), []],
    ['a message with a message inside', `⟦Šîĝñ ${translate('en-XA', 'common.unknown')} îñ⟧`, []],
    ['text written in code', `${translate('en-XA', 'common.unknown')} Sign in`, ['Sign', 'in']],
    ['data beside a message', '⟦Šýšţéɱ⟧ CG-ATL-0001 4.2.1 6 Dec 2026, 20:21, Europe/Berlin 12.5 MB P1', []],
    ['a month outside a date is still a month', 'Dec', []],
    ['an unbracketed sentence with data', 'Download 4.2.1 now', ['Download', 'now']],
    ['Chinese written in code', '下载', ['下载']],
  ])('%s', (_, text, left) => {
    expect(outsideCatalog(text)).toEqual(left);
  });

  it('takes a spec’s own data (demo records) as data', () => {
    expect(outsideCatalog('⟦Ŵéĺçöɱé⟧ Contoso Grid', [/^(?:Contoso|Grid)$/])).toEqual([]);
  });
});
