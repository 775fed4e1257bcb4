/**
 * The flat postings the knowledge index scores from (portal/knowledge/postings.ts): every section a term occurs in,
 * in section order, with the same BM25F weight a straightforward per-section count gives, and the IDF and largest
 * weight per term.
 */
import { describe, expect, it } from 'vitest';
import { PostingsBuilder, type FieldModel } from '../../../../portal/knowledge/postings.js';

const MODEL: FieldModel = { weights: [3, 2, 1], b: [0.3, 0.5, 0.75], k1: 1.2 };

type Section = [title: string[], heading: string[], body: string[]];

/** The weights computed the plain way: a map of counts per section, then BM25F per term. */
function reference(sections: Section[]): Map<string, { docs: number[]; weights: number[] }> {
  const n = sections.length;
  const avg = [0, 1, 2].map((f) => Math.max(1, sections.reduce((s, sec) => s + sec[f]!.length, 0) / n));
  const out = new Map<string, { docs: number[]; weights: number[] }>();
  sections.forEach((sec, doc) => {
    const counts = new Map<string, number[]>();
    sec.forEach((terms, f) => {
      for (const t of terms) {
        const c = counts.get(t) ?? [0, 0, 0];
        c[f]!++;
        counts.set(t, c);
      }
    });
    for (const [term, c] of counts) {
      let tf = 0;
      for (let f = 0; f < 3; f++) {
        const norm = 1 - MODEL.b[f]! + (MODEL.b[f]! * sec[f]!.length) / avg[f]!;
        tf += (MODEL.weights[f]! * c[f]!) / norm;
      }
      const list = out.get(term) ?? { docs: [], weights: [] };
      list.docs.push(doc);
      list.weights.push(Math.fround(tf / (MODEL.k1 + tf)));
      out.set(term, list);
    }
  });
  return out;
}

function build(sections: Section[]) {
  const builder = new PostingsBuilder();
  for (const [title, heading, body] of sections) {
    builder.addSection(builder.intern(title), builder.intern(heading), builder.intern(body));
  }
  return builder.finish(MODEL);
}

/** Many distinct terms, so the per-term scratch arrays must grow while sections are being added. */
const MANY: Section[] = Array.from({ length: 30 }, (_, s) => [
  ['upgrad', `t${s % 3}`],
  [],
  Array.from({ length: 120 }, (_, w) => `w${(s * 97 + w * 13) % 2500}`),
]);

describe('postings', () => {
  it.each<[string, Section[]]>([
    ['one section', [[['timeout'], [], ['database', 'timeout', 'timeout']]]],
    [
      'terms repeated across fields and sections',
      [
        [['proxy', 'certificate'], ['proxy'], ['renew', 'the', 'proxy', 'certificate']],
        [['proxy', 'certificate'], [], ['expired']],
        [[], ['backup'], []],
      ],
    ],
    [
      'an empty section',
      [
        [[], [], []],
        [['log'], [], ['log']],
      ],
    ],
    ['more terms than the first scratch holds', MANY],
  ])('%s: the same lists and weights as counting per section', (_name, sections) => {
    const postings = build(sections);
    const want = reference(sections);
    expect(postings.terms.length).toBe(want.size);
    expect(postings.sections).toBe(sections.length);
    for (const [term, list] of want) {
      const id = postings.ids.get(term)!;
      const from = postings.start[id]!;
      const to = postings.start[id + 1]!;
      expect([...postings.docs.subarray(from, to)], term).toEqual(list.docs);
      expect([...postings.weights.subarray(from, to)], term).toEqual(list.weights);
      expect(postings.maxWeight[id]).toBe(Math.max(...list.weights));
      const df = list.docs.length;
      expect(postings.idf[id]).toBeCloseTo(Math.log(1 + (sections.length - df + 0.5) / (df + 0.5)), 12);
    }
  });

  it('orders the terms by their text for prefix lookups', () => {
    const postings = build([[['zeta', 'alpha'], [], ['beta', 'alphabet', 'a1']]]);
    expect([...postings.sorted].map((t) => postings.terms[t])).toEqual(['a1', 'alpha', 'alphabet', 'beta', 'zeta']);
  });

  it('interns a term once', () => {
    const builder = new PostingsBuilder();
    expect(builder.intern(['disk', 'space', 'disk'])).toEqual([0, 1, 0]);
    expect(builder.intern(['space', 'quota'])).toEqual([1, 2]);
  });
});
