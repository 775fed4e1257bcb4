/**
 * The safe tree articles and community posts are drawn from. It holds only what a reader may see: text, structure,
 * links whose address is allowed, and images as a URL to load on request. No node carries markup, so a renderer never
 * has to trust the author's text.
 */

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'code'; text: string }
  | { type: 'em'; children: Inline[] }
  | { type: 'strong'; children: Inline[] }
  | { type: 'link'; href: string; external: boolean; children: Inline[] }
  | { type: 'image'; src: string; alt: string }
  | { type: 'break' };

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; slug: string; children: Inline[] }
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'list'; ordered: boolean; start: number; items: Block[][] }
  | { type: 'code'; language: string | null; text: string }
  | { type: 'blockquote'; children: Block[] }
  | { type: 'table'; head: Inline[][]; rows: Inline[][][] }
  | { type: 'hr' };

/** The plain text of inline content (link text, alt text), for anchors, terminals and labels. */
export function plainText(nodes: readonly Inline[]): string {
  return nodes
    .map((n) => {
      switch (n.type) {
        case 'text':
        case 'code':
          return n.text;
        case 'em':
        case 'strong':
        case 'link':
          return plainText(n.children);
        case 'image':
          return n.alt;
        case 'break':
          return '\n';
      }
    })
    .join('');
}
