/**
 * Turns article text and search queries into comparable terms. Compound words such as `cobalt-agent` or `4.2.1` are
 * kept whole (so a version or a service name can be searched exactly) and also split into their parts (so
 * "cobalt agent" still finds them).
 */

/** Letters or digits, joined by the punctuation that occurs inside names and versions. */
const WORD = /[\p{L}\p{N}]+(?:[._'\u2019-][\p{L}\p{N}]+)*/gu;
const JOINER = /[._'\u2019-]/u;

/** Words that occur in nearly every article and would otherwise decide the ranking of a question. */
const STOPWORDS = new Set([
  'a',
  'an',
  'and',
  'are',
  'as',
  'at',
  'be',
  'by',
  'can',
  'do',
  'does',
  'for',
  'from',
  'how',
  'i',
  'in',
  'is',
  'it',
  'its',
  'my',
  'of',
  'on',
  'or',
  'the',
  'this',
  'to',
  'was',
  'what',
  'when',
  'why',
  'with',
]);

function keep(token: string): boolean {
  // a single letter says nothing; a single digit may be a major version
  return token.length > 1 || /\p{N}/u.test(token);
}

/** Lowercased terms in order of appearance, compounds followed by their parts; repeated terms are kept (for counts). */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const match of text.normalize('NFKC').toLowerCase().matchAll(WORD)) {
    const word = match[0];
    if (keep(word)) out.push(word);
    if (JOINER.test(word)) {
      for (const part of word.split(JOINER)) if (keep(part)) out.push(part);
    }
  }
  return out;
}

/**
 * The distinct terms of a query, without stopwords unless the query is nothing but stopwords, and at most `max` of
 * them so that a pasted paragraph cannot make one search scan every article hundreds of times.
 */
export function queryTerms(q: string, max = 32): string[] {
  const all = [...new Set(tokenize(q))];
  const meaningful = all.filter((t) => !STOPWORDS.has(t));
  return (meaningful.length > 0 ? meaningful : all).slice(0, max);
}
