/**
 * Markdown → the safe tree (tree.ts). markdown-it does the parsing with raw HTML off and no automatic links, so
 * `<script>` or `<img onerror=…>` arrive as text; this walk over its tokens keeps only the nodes the tree knows and
 * the link and image addresses links.ts allows.
 */
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { imageSource, linkTarget } from './links.js';
import { headingSlugger as slugger } from '../domain/heading-anchor.js';
import { plainText, type Block, type Inline } from './tree.js';

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
// Which addresses become links is decided once, by links.ts, for links and images alike: markdown-it's own check
// would leave a refused link's Markdown source on screen instead of its text.
md.validateLink = () => true;

/** Bodies are capped by their schemas; this keeps a pathological nesting from exhausting the stack. */
const MAX_DEPTH = 40;

export function parseMarkdown(source: string): Block[] {
  const tokens = md.parse(source, {});
  const slug = slugger();
  let at = 0;

  function blocks(until: string | null, depth: number): Block[] {
    const out: Block[] = [];
    while (at < tokens.length) {
      const token = tokens[at] as Token;
      if (until !== null && token.type === until) {
        at += 1;
        return out;
      }
      const block = one(token, depth);
      if (block !== null) out.push(...block);
    }
    return out;
  }

  /** Skips to the token closing the one at `at`, for structures nested too deep to keep. */
  function skip(close: string): void {
    let level = 0;
    const open = close.replace(/_close$/, '_open');
    for (; at < tokens.length; at += 1) {
      const type = (tokens[at] as Token).type;
      if (type === open) level += 1;
      if (type === close && --level === 0) {
        at += 1;
        return;
      }
    }
  }

  function one(token: Token, depth: number): Block[] | null {
    switch (token.type) {
      case 'heading_open': {
        const children = inlines(tokens[at + 1]);
        at += 3;
        const level = Number(token.tag.slice(1)) as 1 | 2 | 3 | 4 | 5 | 6;
        return [{ type: 'heading', level, slug: slug(plainText(children)), children }];
      }
      case 'paragraph_open': {
        const children = inlines(tokens[at + 1]);
        at += 3;
        return [{ type: 'paragraph', children }];
      }
      case 'fence':
      case 'code_block': {
        at += 1;
        const language = token.info.trim().split(/\s+/)[0] ?? '';
        return [{ type: 'code', language: language === '' ? null : language, text: token.content }];
      }
      case 'hr':
        at += 1;
        return [{ type: 'hr' }];
      case 'blockquote_open':
        if (depth >= MAX_DEPTH) return (skip('blockquote_close'), null);
        at += 1;
        return [{ type: 'blockquote', children: blocks('blockquote_close', depth + 1) }];
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const close = token.type.replace('_open', '_close');
        if (depth >= MAX_DEPTH) return (skip(close), null);
        const ordered = token.type === 'ordered_list_open';
        const start = Number(token.attrGet('start') ?? 1);
        at += 1;
        const items: Block[][] = [];
        while (at < tokens.length && (tokens[at] as Token).type !== close) {
          if ((tokens[at] as Token).type === 'list_item_open') {
            at += 1;
            items.push(blocks('list_item_close', depth + 1));
          } else at += 1;
        }
        at += 1;
        return [{ type: 'list', ordered, start: Number.isFinite(start) ? start : 1, items }];
      }
      case 'table_open':
        at += 1;
        return [table()];
      default:
        // Anything else (a stray close, a token type this tree does not keep) is passed over.
        at += 1;
        return null;
    }
  }

  function table(): Block {
    const head: Inline[][] = [];
    const rows: Inline[][][] = [];
    let row: Inline[][] | null = null;
    let inHead = false;
    for (; at < tokens.length; at += 1) {
      const token = tokens[at] as Token;
      if (token.type === 'table_close') {
        at += 1;
        break;
      }
      if (token.type === 'thead_open') inHead = true;
      if (token.type === 'thead_close') inHead = false;
      if (token.type === 'tr_open') row = inHead ? head : [];
      if (token.type === 'tr_close' && !inHead && row !== null) rows.push(row);
      if (token.type === 'inline' && row !== null) row.push(inlines(token));
    }
    return { type: 'table', head, rows };
  }

  return blocks(null, 0);
}

/** The inline content of one `inline` token, links and images checked. */
function inlines(token: Token | undefined): Inline[] {
  const children = token?.children ?? [];
  let at = 0;
  function until(close: string | null): Inline[] {
    const out: Inline[] = [];
    const push = (node: Inline) => {
      const last = out[out.length - 1];
      // Adjacent text (left where a refused link was) reads as one run.
      if (node.type === 'text' && last?.type === 'text') last.text += node.text;
      else out.push(node);
    };
    while (at < children.length) {
      const t = children[at] as Token;
      at += 1;
      if (close !== null && t.type === close) return out;
      switch (t.type) {
        case 'text':
          push({ type: 'text', text: t.content });
          break;
        case 'softbreak':
          push({ type: 'text', text: '\n' });
          break;
        case 'hardbreak':
          push({ type: 'break' });
          break;
        case 'code_inline':
          push({ type: 'code', text: t.content });
          break;
        case 'em_open':
          push({ type: 'em', children: until('em_close') });
          break;
        case 'strong_open':
          push({ type: 'strong', children: until('strong_close') });
          break;
        case 'link_open': {
          const inner = until('link_close');
          const target = linkTarget(t.attrGet('href') ?? '');
          if (target === null) for (const n of inner) push(n);
          else push({ type: 'link', href: target.href, external: target.kind === 'external', children: inner });
          break;
        }
        case 'image': {
          const alt = plainText(inlines(t));
          const source = imageSource(t.attrGet('src') ?? '');
          if (source === null) push({ type: 'text', text: alt });
          else push({ type: 'image', src: source.src, alt });
          break;
        }
        default:
          // Strikethrough and other marks keep their text without the mark.
          if (t.content !== '' && !t.type.endsWith('_open') && !t.type.endsWith('_close'))
            push({ type: 'text', text: t.content });
      }
    }
    return out;
  }
  return until(null);
}
