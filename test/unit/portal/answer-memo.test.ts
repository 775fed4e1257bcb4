import { describe, expect, it } from 'vitest';
import { AnswerMemo } from '../../../portal/entitlement/answer-memo.js';

describe('AnswerMemo', () => {
  const contracts = [{ id: 'C-1' }];
  const catalog = { targets: [] };

  it('gives the same answer within a second while the inputs are the very same objects', async () => {
    const memo = new AnswerMemo<{ n: number }>();
    let written = 0;
    const write = (): Promise<{ n: number }> => Promise.resolve({ n: ++written });
    const first = await memo.answer('k', new Date('2026-11-24T10:00:00.100Z'), [contracts, catalog, '1.4.2'], write);
    const again = await memo.answer('k', new Date('2026-11-24T10:00:00.900Z'), [contracts, catalog, '1.4.2'], write);
    expect(again).toBe(first);
    expect(written).toBe(1);
  });

  it('writes it again in the next second, for other inputs, and for another key', async () => {
    const memo = new AnswerMemo<{ n: number }>();
    let written = 0;
    const write = (): Promise<{ n: number }> => Promise.resolve({ n: ++written });
    const at = new Date('2026-11-24T10:00:00.900Z');
    await memo.answer('k', at, [contracts, catalog, '1.4.2'], write);
    expect((await memo.answer('k', new Date('2026-11-24T10:00:01.000Z'), [contracts, catalog, '1.4.2'], write)).n).toBe(
      2,
    );
    expect(
      (await memo.answer('k', new Date('2026-11-24T10:00:01.000Z'), [[...contracts], catalog, '1.4.2'], write)).n,
    ).toBe(3);
    expect((await memo.answer('k', new Date('2026-11-24T10:00:01.000Z'), [contracts, catalog, '1.9.0'], write)).n).toBe(
      4,
    );
    expect(
      (await memo.answer('other', new Date('2026-11-24T10:00:01.000Z'), [contracts, catalog, '1.9.0'], write)).n,
    ).toBe(5);
  });
});
