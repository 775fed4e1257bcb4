/** The operation log's hash chain checked from text alone: canonical form, and the kinds of damage it names. */
import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  GENESIS,
  recordHash,
  verifyChain,
  type ChainHead,
  type OperationRecord,
} from '../../../electron/core/operations/index.js';

function chain(n: number): OperationRecord[] {
  const out: OperationRecord[] = [];
  let prev = GENESIS;
  for (let seq = 1; seq <= n; seq++) {
    const body = {
      seq,
      at: `2025-03-01T12:00:0${seq}.000Z`,
      kind: 'check' as const,
      summary: `step ${seq}`,
      data: { seq },
      prev,
    };
    const record = { ...body, hash: recordHash(body) };
    out.push(record);
    prev = record.hash;
  }
  return out;
}

const text = (records: unknown[]): string => records.map((r) => `${canonicalJson(r as never)}\n`).join('');
const headOf = (records: OperationRecord[]): ChainHead => ({
  seq: records.at(-1)?.seq ?? 0,
  hash: records.at(-1)?.hash ?? GENESIS,
});

describe('canonicalJson', () => {
  it('sorts keys at every depth and writes no spaces, whatever order the object was built in', () => {
    expect(canonicalJson({ b: 1, a: { d: [true, null, 'x'], c: 1.5 } })).toBe(
      '{"a":{"c":1.5,"d":[true,null,"x"]},"b":1}',
    );
    expect(canonicalJson({ a: { c: 1.5, d: [true, null, 'x'] }, b: 1 })).toBe(
      canonicalJson({ b: 1, a: { d: [true, null, 'x'], c: 1.5 } }),
    );
    expect(canonicalJson('line\nbreak "quoted"')).toBe('"line\\nbreak \\"quoted\\""');
    expect(() => canonicalJson(Number.NaN)).toThrow();
  });
});

describe('verifyChain', () => {
  it('an empty log and an intact one', () => {
    expect(verifyChain('', null)).toEqual({ ok: true, count: 0 });
    const records = chain(4);
    expect(verifyChain(text(records), headOf(records))).toEqual({ ok: true, count: 4 });
  });

  it.each([
    ['a duplicated record', (r: OperationRecord[]) => [r[0], r[1], r[1], r[2]], 'duplicated', 2],
    ['a record moved to the front', (r: OperationRecord[]) => [r[1], r[0], r[2], r[3]], 'reordered', 1],
    ['the first record removed', (r: OperationRecord[]) => [r[1], r[2], r[3]], 'removed', 1],
    ['a line that is not a record', (r: OperationRecord[]) => [r[0], { note: 'hello' }, r[2], r[3]], 'malformed', 2],
  ] as const)('%s', (_what, change, reason, brokenAt) => {
    const records = chain(4);
    expect(verifyChain(text(change(records) as unknown[]), headOf(records))).toMatchObject({
      ok: false,
      tampered: true,
      reason,
      brokenAt,
    });
  });

  it('a whole new chain written over the old one still disagrees with the head', () => {
    const records = chain(4);
    const forged = chain(4).map((r) => ({ ...r, summary: 'forged' }));
    let prev = GENESIS;
    const rehashed = forged.map((r) => {
      const { hash: _h, ...body } = { ...r, prev };
      const out = { ...body, hash: recordHash(body) };
      prev = out.hash;
      return out;
    });
    expect(verifyChain(text(rehashed), headOf(records))).toMatchObject({
      ok: false,
      tampered: true,
      reason: 'chain-broken',
      brokenAt: 4,
    });
  });
});
