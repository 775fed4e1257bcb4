/**
 * The safe tree as terminal text: headings underlined, bullets and numbers, code indented, a link's text followed by
 * its address (a terminal cannot click), an image as its description and address. Control characters in the author's
 * text are dropped, so an article cannot move the cursor or recolour the reader's terminal.
 */
import { parseMarkdown } from './parse.js';
import { plainText, type Block, type Inline } from './tree.js';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

function inline(nodes: readonly Inline[]): string {
  return nodes
    .map((n) => {
      switch (n.type) {
        case 'text':
          return n.text;
        case 'code':
          return `\`${n.text}\``;
        case 'em':
        case 'strong':
          return inline(n.children);
        case 'link': {
          const text = inline(n.children);
          return text === n.href || text.trim() === '' ? n.href : `${text} (${n.href})`;
        }
        case 'image':
          return `[${n.alt === '' ? n.src : n.alt}] (${n.src})`;
        case 'break':
          return '\n';
      }
    })
    .join('');
}

function indent(text: string, by: string, first = by): string {
  return text
    .split('\n')
    .map((line, i) => (line === '' ? '' : (i === 0 ? first : by) + line))
    .join('\n');
}

function block(b: Block): string {
  switch (b.type) {
    case 'heading': {
      const text = inline(b.children);
      return b.level <= 2 ? `${text}\n${(b.level === 1 ? '=' : '-').repeat(Math.max(3, [...text].length))}` : text;
    }
    case 'paragraph':
      return inline(b.children);
    case 'code':
      return indent(b.text.replace(/\n$/, ''), '    ');
    case 'hr':
      return '----';
    case 'blockquote':
      return indent(blocks(b.children), '│ ');
    case 'list':
      return b.items
        .map((item, i) => {
          const mark = b.ordered ? `${b.start + i}. ` : '• ';
          return indent(blocks(item), ' '.repeat(mark.length), mark);
        })
        .join('\n');
    case 'table':
      return [b.head, ...b.rows].map((row) => row.map((cell) => plainText(cell)).join(' | ')).join('\n');
  }
}

function blocks(list: readonly Block[]): string {
  return list.map(block).join('\n\n');
}

export function toTerminalText(markdown: string): string {
  return blocks(parseMarkdown(markdown)).replace(CONTROL, '');
}
