/**
 * The knowledge index's postings, built in one pass into flat typed arrays. Each term is interned once (a string
 * becomes a number the first time it is seen); each section's field counts are gathered in arrays reused from one
 * section to the next and appended to flat growing arrays, so no per-section map is kept alive until the end. At
 * the end the flat records are laid out term by term (a counting sort, which keeps sections in order within each
 * term) as one array of section numbers and one of saturated field-weighted term frequencies, with each term's
 * start offset, IDF and largest weight, which is what a query needs to bound what a term can still add.
 */

export interface Postings {
  /** The terms, by number. */
  readonly terms: readonly string[];
  /** Term numbers ordered by their text, for finding the longer words a query's word begins. */
  readonly sorted: Uint32Array;
  readonly ids: ReadonlyMap<string, number>;
  /** Term t's postings are docs/weights[start[t] .. start[t + 1]). */
  readonly start: Uint32Array;
  readonly docs: Uint32Array;
  readonly weights: Float32Array;
  readonly idf: Float64Array;
  /** The largest weight in each term's list: its contribution to any section is at most idf × this. */
  readonly maxWeight: Float32Array;
  readonly sections: number;
}

export interface FieldModel {
  /** Per field (title, heading, body): its weight, and how much its length normalizes it (BM25's b). */
  weights: readonly [number, number, number];
  b: readonly [number, number, number];
  k1: number;
}

/** A Uint32Array that doubles as it fills. */
class GrowingUint32 {
  data = new Uint32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Uint32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
}

const MAX_COUNT = 0xffff;

export class PostingsBuilder {
  private readonly ids = new Map<string, number>();
  private readonly terms: string[] = [];
  /** Flat records: term, section, and the three field counts packed as title | heading << 16 in one, body in another. */
  private readonly recTerm = new GrowingUint32();
  private readonly recDoc = new GrowingUint32();
  private readonly recTitleHeading = new GrowingUint32();
  private readonly recBody = new GrowingUint32();
  private readonly lengths: [GrowingUint32, GrowingUint32, GrowingUint32] = [
    new GrowingUint32(),
    new GrowingUint32(),
    new GrowingUint32(),
  ];
  /** Per term, scratch for the section being added: which section last saw it, and its counts there. */
  private seenIn = new Int32Array(1024).fill(-1);
  private counts = new Uint32Array(3 * 1024);
  private readonly touched: number[] = [];
  private sections = 0;

  /** The numbers of a text's terms, in order; a term seen for the first time gets the next number. */
  intern(terms: readonly string[]): number[] {
    const out = new Array<number>(terms.length);
    for (let i = 0; i < terms.length; i++) {
      const term = terms[i]!;
      let id = this.ids.get(term);
      if (id === undefined) {
        id = this.terms.length;
        this.ids.set(term, id);
        this.terms.push(term);
      }
      out[i] = id;
    }
    if (this.terms.length > this.seenIn.length) this.growScratch(this.terms.length);
    return out;
  }

  private growScratch(needed: number): void {
    let size = this.seenIn.length;
    while (size < needed) size *= 2;
    const seenIn = new Int32Array(size).fill(-1);
    seenIn.set(this.seenIn);
    const counts = new Uint32Array(3 * size);
    counts.set(this.counts);
    this.seenIn = seenIn;
    this.counts = counts;
  }

  /** One section, its fields' term numbers as interned; sections are numbered in the order they are added. */
  addSection(title: readonly number[], heading: readonly number[], body: readonly number[]): void {
    const doc = this.sections++;
    const fields = [title, heading, body];
    for (let f = 0; f < 3; f++) {
      const ids = fields[f]!;
      this.lengths[f]!.push(ids.length);
      for (const id of ids) {
        if (this.seenIn[id] !== doc) {
          this.seenIn[id] = doc;
          this.counts[3 * id] = 0;
          this.counts[3 * id + 1] = 0;
          this.counts[3 * id + 2] = 0;
          this.touched.push(id);
        }
        this.counts[3 * id + f]!++;
      }
    }
    for (const id of this.touched) {
      const c = (f: number): number => Math.min(MAX_COUNT, this.counts[3 * id + f]!);
      this.recTerm.push(id);
      this.recDoc.push(doc);
      this.recTitleHeading.push(c(0) | (c(1) << 16));
      this.recBody.push(this.counts[3 * id + 2]!);
    }
    this.touched.length = 0;
  }

  finish(model: FieldModel): Postings {
    const n = this.sections;
    const termCount = this.terms.length;
    const avg = this.lengths.map((lengths) => {
      let sum = 0;
      for (let i = 0; i < lengths.length; i++) sum += lengths.data[i]!;
      return Math.max(1, sum / Math.max(1, n));
    });
    const records = this.recTerm.length;
    const start = new Uint32Array(termCount + 1);
    for (let r = 0; r < records; r++) start[this.recTerm.data[r]! + 1]!++;
    for (let t = 0; t < termCount; t++) start[t + 1]! += start[t]!;
    const fill = start.slice(0, termCount);
    const docs = new Uint32Array(records);
    const weights = new Float32Array(records);
    const maxWeight = new Float32Array(termCount);
    const [w0, w1, w2] = model.weights;
    const [b0, b1, b2] = model.b;
    for (let r = 0; r < records; r++) {
      const term = this.recTerm.data[r]!;
      const doc = this.recDoc.data[r]!;
      const packed = this.recTitleHeading.data[r]!;
      const norm0 = 1 - b0 + (b0 * this.lengths[0].data[doc]!) / avg[0]!;
      const norm1 = 1 - b1 + (b1 * this.lengths[1].data[doc]!) / avg[1]!;
      const norm2 = 1 - b2 + (b2 * this.lengths[2].data[doc]!) / avg[2]!;
      const tf =
        (w0 * (packed & 0xffff)) / norm0 + (w1 * (packed >>> 16)) / norm1 + (w2 * this.recBody.data[r]!) / norm2;
      const at = fill[term]!++;
      docs[at] = doc;
      weights[at] = tf / (model.k1 + tf);
      if (weights[at]! > maxWeight[term]!) maxWeight[term] = weights[at]!;
    }
    const idf = new Float64Array(termCount);
    for (let t = 0; t < termCount; t++) {
      const df = start[t + 1]! - start[t]!;
      idf[t] = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    }
    const sorted = Uint32Array.from(this.terms.keys()).sort((a, b) =>
      this.terms[a]! < this.terms[b]! ? -1 : this.terms[a]! > this.terms[b]! ? 1 : 0,
    );
    return { terms: this.terms, sorted, ids: this.ids, start, docs, weights, idf, maxWeight, sections: n };
  }
}
