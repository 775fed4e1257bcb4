/**
 * Turns article text, community posts and questions into comparable terms, the same way for all three.
 *
 * - Text is NFKC-normalized (full-width letters and digits become ASCII) and lowercased.
 * - Latin words: compounds such as `cobalt-agent` or `4.2.1` are kept whole (a version or a service name can be
 *   searched exactly) and also split into their parts (so "cobalt agent" finds them); English stopwords are dropped
 *   and inflections folded by ./stem.ts.
 * - Chinese: ICU's word segmenter (Intl.Segmenter) splits too finely for this vocabulary (数据库 → 数据|库,
 *   超时 → 超|时), so every run of Han characters is indexed as overlapping character bigrams, which need no
 *   dictionary and let "数据库 超时" and "连接超时" both find "数据库连接超时"; the segmenter's words of three or
 *   more characters are added on top, so a whole long word matching counts a little more. Question words and
 *   particles (怎么, 如何, 的, 吗 …) split a run rather than joining into noise bigrams such as 库的.
 */
import { stem } from './stem.js';

/** Letters or digits, joined by the punctuation that occurs inside names and versions (Han characters blanked). */
const LATIN_WORD = /[\p{L}\p{N}]+(?:[._'\u2019-][\p{L}\p{N}]+)*/gu;
const HAN_RUN = /\p{Script=Han}+/gu;
const JOINER = /[._'\u2019-]/u;
const DIGIT = /\p{N}/u;

/** Words that occur in nearly every article and would otherwise decide the ranking of a question. */
const STOPWORDS = new Set(
  (
    'a an and any are as at be been but by can could did do does doing for from get got has have how i if in into ' +
    'is it its me my no not of on or our should so than that the their them then there these they this to us was ' +
    'we were what when where which who why will with would you your'
  ).split(' '),
);

/** Chinese question words and particles, longest first: they end a run of Han characters instead of joining it. */
const HAN_STOP =
  /为什么|怎么办|怎么样|怎样|怎么|如何|什么|哪些|哪里|是否|请问|我们|你们|一下|可以吗|的|了|吗|呢|吧|啊|我|你/gu;

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

function keepLatin(token: string): boolean {
  // a single letter says nothing; a single digit may be a major version
  return token.length > 1 || DIGIT.test(token);
}

function latinTerms(word: string, out: string[]): void {
  if (JOINER.test(word)) {
    out.push(word);
    for (const part of word.split(JOINER)) if (keepLatin(part) && !STOPWORDS.has(part)) out.push(stem(part));
    return;
  }
  if (keepLatin(word) && !STOPWORDS.has(word)) out.push(stem(word));
}

/** Bigrams of one run of Han characters (a lone character stands for itself), plus the segmenter's long words. */
function hanTerms(run: string, out: string[]): void {
  for (const piece of run.split(HAN_STOP)) {
    if (piece.length === 0) continue;
    if (piece.length === 1) {
      out.push(piece);
      continue;
    }
    for (let i = 0; i + 1 < piece.length; i++) out.push(piece.slice(i, i + 2));
    if (piece.length >= 3) {
      for (const { segment } of segmenter.segment(piece)) if (segment.length >= 3) out.push(segment);
    }
  }
}

/** The text with its Han characters blanked (same length), so Latin words are found without them. */
function latinOnly(text: string): string {
  return text.replace(HAN_RUN, (run) => ' '.repeat(run.length));
}

/** Normalized the way terms are: NFKC and lowercase. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** The terms of a text in order of appearance; repeated terms are kept (for counts). */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  const norm = normalizeText(text);
  for (const m of latinOnly(norm).matchAll(LATIN_WORD)) latinTerms(m[0], out);
  for (const m of norm.matchAll(HAN_RUN)) hanTerms(m[0], out);
  return out;
}

/**
 * The distinct terms of a query, at most `max` of them, so that a pasted paragraph cannot make one search walk
 * hundreds of posting lists.
 */
export function queryTerms(q: string, max = 32): string[] {
  return [...new Set(tokenize(q))].slice(0, max);
}

/**
 * The words ICU's segmenter finds in the Han runs of a text (two characters or more). A query bigram that no
 * article holds is evidence the question is about something else only when it is such a word (年假), not when it
 * straddles two words (请年 in 申请年假): the assistant's coverage counts the former and ignores the latter.
 */
export function hanWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const m of normalizeText(text).matchAll(HAN_RUN)) {
    for (const { segment } of segmenter.segment(m[0])) if (segment.length >= 2) words.add(segment);
  }
  return words;
}

/** A stretch of a text and the terms it stands for, so a snippet can mark what the query matched. */
export interface TermSpan {
  start: number;
  end: number;
  terms: string[];
}

/**
 * The spans of `text` that carry terms: each Latin word (with its compound parts), and each Han bigram or lone
 * character. Offsets are into `text` itself; NFKC can change lengths, so words are normalized one at a time.
 */
export function termSpans(text: string): TermSpan[] {
  const spans: TermSpan[] = [];
  for (const m of latinOnly(text).matchAll(LATIN_WORD)) {
    const terms: string[] = [];
    latinTerms(normalizeText(m[0]), terms);
    if (terms.length > 0) spans.push({ start: m.index, end: m.index + m[0].length, terms });
  }
  for (const m of text.matchAll(HAN_RUN)) {
    const run = m[0];
    if (run.length === 1) spans.push({ start: m.index, end: m.index + 1, terms: [run] });
    for (let i = 0; i + 1 < run.length; i++) {
      spans.push({ start: m.index + i, end: m.index + i + 2, terms: [run.slice(i, i + 2)] });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}
