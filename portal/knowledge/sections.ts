/**
 * An article's Markdown as the index reads it: sections split at headings, each as plain text. Search snippets and
 * the assistant's passages are cut from this text, so it carries no Markdown syntax (no `#`, `**`, link targets or
 * image sources) and no HTML at all: a reader is shown words, never markup.
 */
import { headingAnchors } from '../../shared/domain/heading-anchor.js';

export interface Section {
  /** The heading's text; null for what comes before the first heading. */
  heading: string | null;
  /** The heading's anchor in the article; null for the opening section. */
  anchor: string | null;
  /** Plain text, whitespace collapsed. */
  text: string;
}

const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Elements whose content is never text a reader should see in a snippet. */
const HIDDEN_ELEMENTS = /<(script|style|iframe|object|embed|template)\b[^>]*>[\s\S]*?<\/\1\s*>/giu;

/** Markdown inline syntax and HTML removed from a piece of text, whitespace collapsed. */
export function plainText(markdown: string): string {
  return (
    markdown
      .replace(HIDDEN_ELEMENTS, ' ')
      .replace(/<!--[\s\S]*?-->/gu, ' ')
      .replace(/<\/?[a-z][^>]*>/giu, ' ')
      // images keep their description, links their words; neither keeps its target
      .replace(/!\[([^\]]*)\]\((?:[^()]|\([^()]*\))*\)/gu, '$1')
      .replace(/\[([^\]]*)\]\((?:[^()]|\([^()]*\))*\)/gu, '$1')
      .replace(/\[([^\]]*)\]\[[^\]]*\]/gu, '$1')
      .replace(/^ {0,3}\[[^\]]+\]:\s*\S+.*$/gmu, ' ')
      .replace(/<(?:https?|mailto|javascript):[^>]*>/giu, ' ')
      // block markers at the start of a line: quotes, bullets, numbered items, rules, table rules
      .replace(/^ {0,3}>+ ?/gmu, '')
      .replace(/^\s*(?:[-*+]|\d{1,9}[.)])\s+/gmu, '')
      .replace(/^\s*(?:[-*_]\s*){3,}$/gmu, ' ')
      .replace(/^\s*\|?(?:\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*$/gmu, ' ')
      .replace(/\|/gu, ' ')
      // emphasis and code marks, but not the underscores and asterisks inside words such as buffer_max
      .replace(/(\*{1,3}|~~)(?=\S)([^*~\n]*?\S)\1/gu, '$2')
      .replace(/(?<![\p{L}\p{N}])(_{1,3})(?=\S)([^_\n]*?\S)\1(?![\p{L}\p{N}])/gu, '$2')
      .replace(/`+/gu, '')
      .replace(/\\([\\`*_{}[\]()#+\-.!|])/gu, '$1')
      .replace(/\s+/gu, ' ')
      .trim()
  );
}

/** The sections of an article, in order; empty sections (a heading directly followed by another) are kept. */
export function splitSections(markdown: string): Section[] {
  const raw: { heading: string | null; lines: string[] }[] = [{ heading: null, lines: [] }];
  let fence: string | null = null;
  for (const line of markdown.split(/\r?\n/u)) {
    const fenceMatch = FENCE.exec(line);
    if (fenceMatch !== null) {
      const marker = fenceMatch[1]!;
      if (fence === null) fence = marker[0]!.repeat(3);
      else if (marker.startsWith(fence)) fence = null;
      // the fence line itself (with its language tag) is not text
      continue;
    }
    const heading = fence === null ? HEADING.exec(line) : null;
    if (heading !== null) raw.push({ heading: plainText(heading[2]!), lines: [] });
    else raw[raw.length - 1]!.lines.push(line);
  }
  const anchors = headingAnchors(raw.slice(1).map((r) => r.heading ?? ''));
  const sections = raw.map((r, i) => ({
    heading: r.heading,
    anchor: i === 0 ? null : anchors[i - 1]!,
    text: plainText(r.lines.join('\n')),
  }));
  // an article that starts with a heading has nothing before it worth a section of its own
  return sections[0]!.text.length === 0 && sections.length > 1 ? sections.slice(1) : sections;
}
