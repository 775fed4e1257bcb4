/**
 * Highlighted text for search hits and the assistant's passages: runs of plain text with the query's terms marked
 * (shared/contracts/knowledge.ts Highlight), never HTML. A snippet is the window of a section where the query's
 * terms are densest, so the reader sees why the section matched without opening it.
 */
import type { Highlight } from '../../shared/contracts/knowledge.js';
import { termSpans } from './tokenize.js';

/** The schema's bound on runs; a window of a few hundred characters stays far below it. */
const MAX_RUNS = 200;

interface Range {
  start: number;
  end: number;
}

/** The stretches of `text` whose terms are among `terms`, merged where they touch or overlap. */
function hitRanges(text: string, terms: ReadonlySet<string>): Range[] {
  const ranges: Range[] = [];
  for (const span of termSpans(text)) {
    if (!span.terms.some((t) => terms.has(t))) continue;
    const last = ranges[ranges.length - 1];
    if (last !== undefined && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else ranges.push({ start: span.start, end: span.end });
  }
  return ranges;
}

function runs(text: string, hits: readonly Range[], from: number, to: number): Highlight {
  const out: Highlight = [];
  let at = from;
  for (const hit of hits) {
    if (hit.end <= from || hit.start >= to) continue;
    const start = Math.max(hit.start, from);
    const end = Math.min(hit.end, to);
    if (start > at) out.push({ text: text.slice(at, start), hit: false });
    out.push({ text: text.slice(start, end), hit: true });
    at = end;
  }
  if (at < to) out.push({ text: text.slice(at, to), hit: false });
  return out.length > MAX_RUNS ? [...out.slice(0, MAX_RUNS - 1), { text: text.slice(at), hit: false }] : out;
}

/** The whole text with its hits marked (for titles). */
export function highlightAll(text: string, terms: ReadonlySet<string>): Highlight {
  return runs(text, hitRanges(text, terms), 0, text.length);
}

/** Moves `at` back (or forward) to the nearest space within a few characters, so a window does not cut a word. */
function wordEdge(text: string, at: number, direction: -1 | 1): number {
  for (let i = 0; i < 20; i++) {
    const j = at + direction * i;
    if (j <= 0) return 0;
    if (j >= text.length) return text.length;
    if (/\s/u.test(text[j]!)) return direction === -1 ? j + 1 : j;
  }
  return at;
}

/**
 * A window of about `width` characters around the densest hits of `text` (the start when nothing matches), with an
 * ellipsis where it was cut.
 */
export function highlightWindow(text: string, terms: ReadonlySet<string>, width: number): Highlight {
  const hits = hitRanges(text, terms);
  if (text.length <= width) return runs(text, hits, 0, text.length);
  let bestStart = 0;
  let bestCount = -1;
  // two pointers over the hits: the window starting at hit i holds hits i..j-1
  let j = 0;
  for (let i = 0; i < hits.length; i++) {
    while (j < hits.length && hits[j]!.end <= hits[i]!.start + width) j++;
    const distinct = new Set(hits.slice(i, j).map((h) => text.slice(h.start, h.end).toLowerCase())).size;
    const count = distinct * 100 + (j - i);
    if (count > bestCount) {
      bestCount = count;
      bestStart = hits[i]!.start;
    }
  }
  // some context before the first hit reads better than starting on it
  let from = wordEdge(text, Math.max(0, Math.min(bestStart - Math.floor(width / 5), text.length - width)), -1);
  if (from < 25) from = 0;
  const to = wordEdge(text, Math.min(text.length, from + width), 1);
  const out = runs(text, hits, from, to);
  if (from > 0) out.unshift({ text: '…', hit: false });
  if (to < text.length) out.push({ text: '…', hit: false });
  return out;
}
