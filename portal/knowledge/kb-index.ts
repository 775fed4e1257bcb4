/**
 * The knowledge index (DESIGN.md §3.5): one in-memory index of the published articles and the community's accepted
 * and verified answers, serving search, the assistant, related articles and known-issue matching.
 *
 * Retrieval: BM25F over sections. An article is split at its Markdown headings; each section is scored with three
 * fields, the article's title (weight 3), the section's heading (2) and its text (1), each length-normalized on its
 * own, so a term in a short title counts more than the same term in a long text, while one long section cannot
 * drown a short precise one. A community question becomes one section per quotable answer (title: the question;
 * text: the question's body and the answer). Search aggregates sections per article or question (its best section
 * decides, and gives the snippet); the assistant quotes the best sections themselves. A section that covers more
 * of the query's information (the share of the query's IDF it contains) is boosted, because "database timeout"
 * should prefer the section with both words over one that repeats one of them.
 *
 * Terms come from ./tokenize.ts (English words stemmed lightly, Chinese as character bigrams). Postings are built
 * once, in one pass, into flat typed arrays (./postings.ts) holding each section's saturated field-weighted term
 * frequency, so a query walks only the posting lists of its own terms (and of up to a few longer words its last
 * letters begin, at half weight) into accumulators reused between queries, and never every document; snippets and
 * passages are cut only for what is returned. Limits: no synonyms or translation (an English question does not find a Chinese article
 * unless they share names such as `cobalt-agent` or `4.2.1`), no phrase or proximity scoring, and the whole corpus
 * lives in memory (about 115 MB of heap for 10,000 articles and 50,000 posts), rebuilt when the content changes.
 */
import semver from 'semver';
import type { ArticleKind, KbSource, KnowledgeArticle } from '../../shared/contracts/knowledge.js';
import type { ArticleSummary } from '../../shared/contracts/knowledge.js';
import type { KbAnswer, KbHit, KbPassage, KbSearchResult } from '../../shared/contracts/selfhelp/kb.js';
import { parseVersion } from '../../shared/domain/release.js';
import type { SearchableThread } from '../db/community.js';
import type { KbDocuments } from './documents.js';
import { highlightAll, highlightWindow } from './highlight.js';
import { matchKnownIssues, articleVersionRange, type KnownIssueQuery } from './match.js';
import { splitSections } from './sections.js';
import { PostingsBuilder, type Postings } from './postings.js';
import { TopK } from './top-k.js';
import { hanWords, queryTerms, tokenize } from './tokenize.js';

export interface KbSearchOptions {
  q: string;
  /** This product's articles and questions, plus the articles for every product. */
  product?: string | undefined;
  /** Only what applies to this version. */
  version?: string | undefined;
  kind?: ArticleKind | undefined;
  /** Include community questions (default true; never with a kind, which only articles have). */
  community?: boolean | undefined;
  offset?: number | undefined;
  limit?: number | undefined;
}

export interface KbAskOptions {
  question: string;
  product?: string | undefined;
  version?: string | undefined;
}

const FIELD_WEIGHTS = { title: 3, heading: 2, body: 1 } as const;
const FIELD_B = { title: 0.3, heading: 0.5, body: 0.75 } as const;
const K1 = 1.2;
/** A word the query's term only begins ("correlat" → "correlation") counts this much of an exact hit. */
const PREFIX_FACTOR = 0.5;
const MAX_PREFIX_EXPANSIONS = 6;
const MIN_PREFIX_CHARS = 4;
const SNIPPET_CHARS = 200;
const PASSAGE_CHARS = 360;
const MAX_PASSAGES = 5;
/**
 * The assistant answers when its best passage holds at least this share of the question's information (IDF mass)
 * and at least two of its terms (one for a one-word question). Calibrated on the quality set
 * (test/fixtures/kb-questions.ts): every answerable question there covers ≥ 0.35; the questions about things the
 * knowledge base does not cover either cover < 0.2 or match a single common word (申请 in 如何申请年假, 0.39).
 */
export const ANSWER_COVERAGE = 0.3;
const ANSWER_TERMS = 2;

/** An article or a community question: what search lists. */
interface Entry {
  source: KbSource;
  id: string;
  title: string;
  kind: ArticleKind | null;
  product: string | null;
  versions: string | null;
  range: semver.Range | null;
  /** A question's version: what it was asked about. */
  version: semver.SemVer | null;
  locale: 'en' | 'zh-CN';
  updatedAt: string;
  updatedMs: number;
  article: KnowledgeArticle | null;
}

/** What the index scores: a section of an article, or an answer to a question. */
interface Doc {
  entry: number;
  heading: string | null;
  anchor: string | null;
  /** The plain text snippets and passages are cut from. */
  text: string;
}

const HAN = /\p{Script=Han}/u;

function threadLocale(thread: SearchableThread): 'en' | 'zh-CN' {
  return HAN.test(thread.title) || HAN.test(thread.body) ? 'zh-CN' : 'en';
}

function compareEntries(a: Entry, b: Entry): number {
  if (a.updatedMs !== b.updatedMs) return b.updatedMs - a.updatedMs;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function summary(article: KnowledgeArticle): ArticleSummary {
  const { body: _body, signatures: _signatures, ...rest } = article;
  return rest;
}

/** Per-query state over all documents, allocated once per index and reset through the list of touched entries. */
interface Scratch {
  score: Float64Array;
  /** The share of the query's IDF each document holds. */
  covered: Float64Array;
  /** Per document, the last query term that counted towards its coverage, and by how much. */
  stamp: Uint32Array;
  best: Float64Array;
  /** How many of the query's terms each document holds. */
  held: Uint16Array;
  touched: Int32Array;
  /** Per entry (article or question), stamped per query: in scope, its best section and that section's score. */
  entryStamp: Uint32Array;
  entryScope: Uint8Array;
  entryBest: Float64Array;
  entryDoc: Int32Array;
  /** The assistant's second best section per entry (it quotes at most two of one article or question). */
  entrySecondBest: Float64Array;
  entrySecondDoc: Int32Array;
}

export class KnowledgeIndex {
  /** The published articles, as loaded (known-issue matching and the old list route read them). */
  readonly articles: readonly KnowledgeArticle[];
  private readonly knownIssues: readonly KnowledgeArticle[];
  private readonly entries: Entry[] = [];
  private readonly docs: Doc[] = [];
  private readonly entryDocs: number[][] = [];
  private readonly byId = new Map<string, number>();
  /** Every section's entry, flat, so scoring never dereferences a section object. */
  private readonly docEntry: Uint32Array;
  private readonly postings: Postings;
  /** IDF of a term no document has: what the query's unknown words weigh in its coverage. */
  private readonly maxIdf: number;
  /** Entries newest first, for browsing. */
  private readonly newest: number[];
  private readonly scratch: Scratch;
  private readonly related = new Map<string, ArticleSummary[]>();
  private stampCounter = 0;
  private entryCounter = 0;

  private constructor(documents: KbDocuments) {
    this.articles = documents.articles;
    this.knownIssues = documents.articles.filter((a) => a.kind === 'known-issue');
    const builder = new PostingsBuilder();
    for (const article of documents.articles) {
      const entry = this.addEntry({
        source: 'article',
        id: article.id,
        title: article.title,
        kind: article.kind,
        product: article.product,
        versions: article.versions,
        range: articleVersionRange(article),
        version: null,
        locale: article.locale,
        updatedAt: article.updatedAt,
        updatedMs: Date.parse(article.updatedAt),
        article,
      });
      const titleTerms = builder.intern(tokenize(article.title));
      for (const section of splitSections(article.body)) {
        this.addDoc({ entry, heading: section.heading, anchor: section.anchor, text: section.text });
        builder.addSection(
          titleTerms,
          section.heading === null ? [] : builder.intern(tokenize(section.heading)),
          builder.intern(tokenize(section.text)),
        );
      }
    }
    for (const thread of documents.threads) {
      const entry = this.addEntry({
        source: 'community',
        id: thread.id,
        title: thread.title,
        kind: null,
        product: thread.product,
        versions: thread.version,
        range: null,
        version: thread.version === null ? null : semver.parse(thread.version),
        locale: threadLocale(thread),
        updatedAt: thread.updatedAt,
        updatedMs: Date.parse(thread.updatedAt),
        article: null,
      });
      const titleTerms = builder.intern(tokenize(thread.title));
      const questionTerms = builder.intern(tokenize(thread.body));
      for (const answer of thread.answers) {
        this.addDoc({ entry, heading: null, anchor: `answer-${answer.id}`, text: answer.body.replace(/\s+/gu, ' ') });
        builder.addSection(titleTerms, [], questionTerms.concat(builder.intern(tokenize(answer.body))));
      }
    }
    this.maxIdf = Math.log(1 + (this.docs.length + 0.5) / 0.5);
    this.postings = builder.finish({
      weights: [FIELD_WEIGHTS.title, FIELD_WEIGHTS.heading, FIELD_WEIGHTS.body],
      b: [FIELD_B.title, FIELD_B.heading, FIELD_B.body],
      k1: K1,
    });
    this.docEntry = Uint32Array.from(this.docs, (d) => d.entry);
    this.newest = this.entries.map((_, i) => i).sort((a, b) => compareEntries(this.entries[a]!, this.entries[b]!));
    this.scratch = {
      score: new Float64Array(this.docs.length),
      covered: new Float64Array(this.docs.length),
      stamp: new Uint32Array(this.docs.length),
      best: new Float64Array(this.docs.length),
      held: new Uint16Array(this.docs.length),
      touched: new Int32Array(this.docs.length),
      entryStamp: new Uint32Array(this.entries.length),
      entryScope: new Uint8Array(this.entries.length),
      entryBest: new Float64Array(this.entries.length),
      entryDoc: new Int32Array(this.entries.length),
      entrySecondBest: new Float64Array(this.entries.length),
      entrySecondDoc: new Int32Array(this.entries.length),
    };
  }

  /** The index of `documents`; throws what the articles' own checks throw (a broken version range). */
  static build(documents: KbDocuments): KnowledgeIndex {
    return new KnowledgeIndex(documents);
  }

  get size(): { articles: number; threads: number; sections: number; terms: number } {
    const articles = this.entries.filter((e) => e.source === 'article').length;
    return {
      articles,
      threads: this.entries.length - articles,
      sections: this.docs.length,
      terms: this.postings.terms.length,
    };
  }

  private addEntry(entry: Entry): number {
    this.entries.push(entry);
    this.entryDocs.push([]);
    this.byId.set(`${entry.source}:${entry.id}`, this.entries.length - 1);
    return this.entries.length - 1;
  }

  private addDoc(doc: Doc): void {
    this.entryDocs[doc.entry]!.push(this.docs.length);
    this.docs.push(doc);
  }

  /** Up to a few indexed words that `term` begins, the most frequent first (as term numbers). */
  private expansions(term: string): number[] {
    if (term.length < MIN_PREFIX_CHARS || HAN.test(term)) return [];
    const { sorted, terms, start } = this.postings;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (terms[sorted[mid]!]! < term) lo = mid + 1;
      else hi = mid;
    }
    const found: number[] = [];
    for (let i = lo; i < sorted.length && i < lo + 200; i++) {
      const id = sorted[i]!;
      const word = terms[id]!;
      if (!word.startsWith(term)) break;
      if (word !== term) found.push(id);
    }
    const df = (t: number): number => start[t + 1]! - start[t]!;
    return found.sort((x, y) => df(y) - df(x)).slice(0, MAX_PREFIX_EXPANSIONS);
  }

  private entryInScope(entry: Entry, filter: ScopeFilter): boolean {
    if (entry.source === 'community' && (!filter.community || filter.kind !== undefined)) return false;
    if (filter.kind !== undefined && entry.kind !== filter.kind) return false;
    if (filter.product !== undefined && entry.product !== null && entry.product !== filter.product) return false;
    if (filter.version !== null) {
      if (entry.range !== null && !entry.range.test(filter.version)) return false;
      // a question asked about 4.2.0 is still about 4.2.1: the same major version counts
      if (entry.version !== null && entry.version.major !== filter.version.major) return false;
    }
    return true;
  }

  /**
   * Scores every document holding one of the query's terms into the scratch arrays; returns how many documents it
   * touched (their numbers are the first entries of scratch.touched) and the indexed words that matched.
   */
  private score(q: string, terms: readonly string[]): { touched: number; marked: Set<string> } {
    const { score, covered, best, stamp, held, touched } = this.scratch;
    let n = 0;
    const marked = new Set<string>();
    // the query's information: every indexed term by its IDF; unknown words as the rarest, unknown bigrams that
    // straddle two Chinese words not at all (see hanWords)
    const words = HAN.test(q) ? hanWords(q) : new Set<string>();
    const { ids, idf, start, docs, weights, terms: termText } = this.postings;
    const weight = (term: string): number => {
      const id = ids.get(term);
      return id !== undefined ? idf[id]! : HAN.test(term) && !words.has(term) ? 0 : this.maxIdf;
    };
    let totalIdf = 0;
    for (const term of terms) totalIdf += weight(term);
    for (const term of terms) {
      const share = totalIdf === 0 ? 0 : weight(term) / totalIdf;
      if (this.stampCounter === 0xffff_ffff) {
        this.scratch.stamp.fill(0);
        this.stampCounter = 0;
      }
      const mark = ++this.stampCounter;
      const exact = ids.get(term);
      const variants: [number, number][] = exact === undefined ? [] : [[exact, 1]];
      for (const longer of this.expansions(term)) variants.push([longer, PREFIX_FACTOR]);
      for (const [variant, factor] of variants) {
        marked.add(termText[variant]!);
        const termIdf = idf[variant]! * factor;
        const cover = share * factor;
        const end = start[variant + 1]!;
        for (let i = start[variant]!; i < end; i++) {
          const d = docs[i]!;
          if (score[d] === 0) touched[n++] = d;
          // idf and weights are positive, so a touched document never scores 0
          score[d] = score[d]! + termIdf * weights[i]!;
          // a document covers a term once, by the best variant it holds
          if (stamp[d] !== mark) {
            stamp[d] = mark;
            held[d] = held[d]! + 1;
            best[d] = cover;
            covered[d] = covered[d]! + cover;
          } else if (cover > best[d]!) {
            covered[d] = covered[d]! + cover - best[d]!;
            best[d] = cover;
          }
        }
      }
    }
    return { touched: n, marked };
  }

  private resetScratch(touchedCount: number): void {
    const { score, covered, held, touched } = this.scratch;
    for (let i = 0; i < touchedCount; i++) {
      score[touched[i]!] = 0;
      covered[touched[i]!] = 0;
      held[touched[i]!] = 0;
    }
  }

  /** A section's final score: BM25F, raised for covering more of the query's information. */
  private final(d: number): number {
    const c = this.scratch.covered[d]!;
    return this.scratch.score[d]! * (0.25 + 0.75 * c * c);
  }

  private filterOf(options: { product?: string | undefined; version?: string | undefined }): ScopeFilter {
    return {
      product: options.product,
      version: options.version === undefined ? null : parseVersion(options.version),
      kind: undefined,
      community: true,
    };
  }

  /**
   * Articles and questions for `options.q`, best first, each with its best section's snippet. An empty query (or
   * one of only stopwords) browses: newest first.
   */
  search(options: KbSearchOptions): KbSearchResult {
    const offset = options.offset ?? 0;
    const limit = options.limit ?? 20;
    const filter: ScopeFilter = {
      ...this.filterOf(options),
      kind: options.kind,
      community: options.community ?? true,
    };
    const terms = queryTerms(options.q);
    if (terms.length === 0) {
      const inScope = this.newest.filter((e) => this.entryInScope(this.entries[e]!, filter));
      const hits = inScope.slice(offset, offset + limit).map((e) => this.hit(e, this.entryDocs[e]![0] ?? -1, 0, null));
      return { hits, total: inScope.length, offset, limit };
    }
    const ranked = this.rankEntries(options.q, terms, filter, offset + limit);
    const hits = ranked.list
      .slice(offset, offset + limit)
      .map(({ entry, doc, score }) => this.hit(entry, doc, score, ranked.marked));
    return { hits, total: ranked.total, offset, limit };
  }

  /** A fresh stamp for the per-entry scratch arrays. */
  private nextEntryMark(): number {
    if (this.entryCounter === 0xffff_ffff) {
      this.scratch.entryStamp.fill(0);
      this.entryCounter = 0;
    }
    return ++this.entryCounter;
  }

  /**
   * The best `k` entries in scope that match `terms`, each with its best section, and how many match in all.
   * Per-entry state lives in typed arrays stamped per query, so no map or full sort is made per query.
   */
  private rankEntries(
    q: string,
    terms: readonly string[],
    filter: ScopeFilter,
    k: number,
  ): { list: { entry: number; doc: number; score: number }[]; total: number; marked: Set<string> } {
    const { touched, marked } = this.score(q, terms);
    const { entryStamp, entryScope, entryBest, entryDoc } = this.scratch;
    const mark = this.nextEntryMark();
    const matched: number[] = [];
    try {
      for (let i = 0; i < touched; i++) {
        const d = this.scratch.touched[i]!;
        const e = this.docEntry[d]!;
        if (entryStamp[e] !== mark) {
          entryStamp[e] = mark;
          entryScope[e] = this.entryInScope(this.entries[e]!, filter) ? 1 : 0;
          entryBest[e] = -1;
          if (entryScope[e] === 1) matched.push(e);
        }
        if (entryScope[e] === 0) continue;
        const score = this.final(d);
        if (score > entryBest[e]!) {
          entryBest[e] = score;
          entryDoc[e] = d;
        }
      }
    } finally {
      this.resetScratch(touched);
    }
    const top = new TopK(k, (a, b) => compareEntries(this.entries[a]!, this.entries[b]!));
    for (const e of matched) top.offer(e, entryBest[e]!);
    const list = top.ids.map((e, i) => ({ entry: e, doc: entryDoc[e]!, score: top.scores[i]! }));
    return { list, total: matched.length, marked };
  }

  private hit(e: number, d: number, score: number, marked: Set<string> | null): KbHit {
    const entry = this.entries[e]!;
    const doc = d >= 0 ? this.docs[d]! : null;
    const terms = marked ?? new Set<string>();
    const firstOfArticle = doc === null || this.entryDocs[e]![0] === d;
    return {
      source: entry.source,
      id: entry.id,
      title: highlightAll(entry.title, terms),
      snippet: doc === null ? [] : highlightWindow(doc.text, terms, SNIPPET_CHARS),
      heading: firstOfArticle ? null : doc.heading,
      anchor: firstOfArticle && entry.source === 'article' ? null : (doc?.anchor ?? null),
      kind: entry.kind,
      product: entry.product,
      versions: entry.versions,
      locale: entry.locale,
      updatedAt: entry.updatedAt,
      score: Math.round(score * 1000) / 1000,
    };
  }

  /**
   * The assistant: the best passages for a question (sections of articles and quoted answers), at most two from
   * one article or question, and whether the best of them holds enough of the question to count as an answer.
   */
  ask(options: KbAskOptions): KbAnswer & { coverage: number } {
    const terms = queryTerms(options.question);
    if (terms.length === 0) return { passages: [], answered: false, coverage: 0 };
    const filter = this.filterOf(options);
    const { touched, marked } = this.score(options.question, terms);
    const { entryStamp, entryScope, entryBest, entryDoc, entrySecondBest, entrySecondDoc } = this.scratch;
    // sections are ordered by score, then by number, so equal scores come out the same way every time
    const before = (score: number, d: number, other: number, otherDoc: number): boolean =>
      otherDoc < 0 || score > other || (score === other && d < otherDoc);
    const top = new TopK(MAX_PASSAGES, (a, b) => a - b);
    let coverage = 0;
    let held = 0;
    try {
      // Only an entry's two best sections can be quoted, so each entry keeps those two and the best five of all
      // kept sections are the passages: no list of every matching section is made or sorted.
      const mark = this.nextEntryMark();
      const matched: number[] = [];
      for (let i = 0; i < touched; i++) {
        const d = this.scratch.touched[i]!;
        const e = this.docEntry[d]!;
        if (entryStamp[e] !== mark) {
          entryStamp[e] = mark;
          entryScope[e] = this.entryInScope(this.entries[e]!, filter) ? 1 : 0;
          entryDoc[e] = -1;
          entrySecondDoc[e] = -1;
          if (entryScope[e] === 1) matched.push(e);
        }
        if (entryScope[e] === 0) continue;
        const score = this.final(d);
        if (before(score, d, entryBest[e]!, entryDoc[e]!)) {
          entrySecondBest[e] = entryBest[e]!;
          entrySecondDoc[e] = entryDoc[e]!;
          entryBest[e] = score;
          entryDoc[e] = d;
        } else if (before(score, d, entrySecondBest[e]!, entrySecondDoc[e]!)) {
          entrySecondBest[e] = score;
          entrySecondDoc[e] = d;
        }
      }
      for (const e of matched) {
        top.offer(entryDoc[e]!, entryBest[e]!);
        if (entrySecondDoc[e]! >= 0) top.offer(entrySecondDoc[e]!, entrySecondBest[e]!);
      }
      const first = top.ids[0];
      if (first !== undefined) {
        coverage = this.scratch.covered[first]!;
        held = this.scratch.held[first]!;
      }
    } finally {
      this.resetScratch(touched);
    }
    const passages: KbPassage[] = top.ids.map((d, i) => {
      const doc = this.docs[d]!;
      const entry = this.entries[doc.entry]!;
      return {
        source: entry.source,
        id: entry.id,
        title: entry.title,
        heading: doc.heading,
        anchor: doc.anchor,
        text: highlightWindow(doc.text.length > 0 ? doc.text : (doc.heading ?? ''), marked, PASSAGE_CHARS),
        score: Math.round(top.scores[i]! * 1000) / 1000,
      };
    });
    const answered = passages.length > 0 && coverage >= ANSWER_COVERAGE && held >= Math.min(ANSWER_TERMS, terms.length);
    return { passages, answered, coverage };
  }

  /** Up to `limit` other published articles on the same subject: its title and headings searched as a query. */
  relatedArticles(id: string, limit = 5): ArticleSummary[] {
    const cached = this.related.get(id);
    if (cached !== undefined) return cached.slice(0, limit);
    const e = this.byId.get(`article:${id}`);
    if (e === undefined) return [];
    const entry = this.entries[e]!;
    const headings = this.entryDocs[e]!.map((d) => this.docs[d]!.heading ?? '').join(' ');
    const terms = queryTerms(`${entry.title} ${headings}`, 24);
    const filter: ScopeFilter = { product: undefined, version: null, kind: undefined, community: false };
    const related = this.rankEntries('', terms, filter, 40)
      .list.filter((r) => r.entry !== e)
      // the same product's articles first: a reader of an Atlas article is rarely helped by a Beacon one
      .filter((r) => {
        const other = this.entries[r.entry]!;
        return other.product === null || entry.product === null || other.product === entry.product;
      })
      .slice(0, 10)
      .map((r) => summary(this.entries[r.entry]!.article!));
    this.related.set(id, related);
    return related.slice(0, limit);
  }

  /** Known-issue articles whose error signatures match an installation failure (./match.ts), best first. */
  matchKnownIssues(query: KnownIssueQuery): KnowledgeArticle[] {
    return matchKnownIssues(this.knownIssues, query);
  }
}

interface ScopeFilter {
  product: string | undefined;
  version: semver.SemVer | null;
  kind: ArticleKind | undefined;
  community: boolean;
}
