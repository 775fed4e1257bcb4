import { describe, expect, it } from 'vitest';
import {
  imageSource,
  linkTarget,
  parseMarkdown,
  slugify,
  slugger,
  toTerminalText,
  type Block,
  type Inline,
} from '../../../shared/markdown/index.js';

/** Every node of a tree, flattened, so a test can say "no node of this kind anywhere". */
function nodes(tree: readonly Block[]): (Block | Inline)[] {
  const out: (Block | Inline)[] = [];
  const inl = (list: readonly Inline[]) => {
    for (const n of list) {
      out.push(n);
      if ('children' in n) inl(n.children);
    }
  };
  const blk = (list: readonly Block[]) => {
    for (const b of list) {
      out.push(b);
      if (b.type === 'heading' || b.type === 'paragraph') inl(b.children);
      if (b.type === 'blockquote') blk(b.children);
      if (b.type === 'list') b.items.forEach(blk);
      if (b.type === 'table') [b.head, ...b.rows].forEach((row) => row.forEach(inl));
    }
  };
  blk(tree);
  return out;
}
const texts = (tree: readonly Block[]) =>
  nodes(tree)
    .flatMap((n) => (n.type === 'text' ? [n.text] : []))
    .join('');

describe('links an article may hold', () => {
  it.each<[string, ReturnType<typeof linkTarget>]>([
    ['https://docs.example.com/a?b=1#c', { kind: 'external', href: 'https://docs.example.com/a?b=1#c' }],
    ['http://example.com', { kind: 'external', href: 'http://example.com' }],
    ['mailto:support@example.com', { kind: 'external', href: 'mailto:support@example.com' }],
    ['#/selfhelp/article/kb-1', { kind: 'in-app', href: '#/selfhelp/article/kb-1' }],
    ['#rollback', { kind: 'in-app', href: '#rollback' }],
    ['javascript:alert(1)', null],
    ['JavaScript:alert(1)', null],
    ['  javascript:alert(1)', null],
    ['java\tscript:alert(1)', null],
    ['data:text/html;base64,PHNjcmlwdD4=', null],
    ['vbscript:msgbox(1)', null],
    ['file:///etc/passwd', null],
    ['relative/page.html', null],
    ['//evil.example/x', null],
    ['https:', null],
    ['https://', null],
    ['https://exa mple.com', null],
    ['#', null],
    ['', null],
  ])('%j → %j', (raw, expected) => {
    expect(linkTarget(raw)).toEqual(expected);
  });

  it.each<[string, ReturnType<typeof imageSource>]>([
    ['https://img.example.com/a.png', { src: 'https://img.example.com/a.png', host: 'img.example.com' }],
    ['http://img.example.com/a.png', null],
    ['data:image/png;base64,AAAA', null],
    ['file:///tmp/a.png', null],
    ['javascript:alert(1)', null],
    ['mailto:a@b.c', null],
  ])('image %j → %j', (raw, expected) => {
    expect(imageSource(raw)).toEqual(expected);
  });
});

describe('hostile Markdown becomes text', () => {
  it.each([
    ['<script>alert(1)</script>', '<script>alert(1)</script>'],
    ['<iframe src="https://evil.example"></iframe>', '<iframe src="https://evil.example"></iframe>'],
    ['<img src=x onerror="alert(1)">', '<img src=x onerror="alert(1)">'],
    ['Text <b onclick="x()">bold</b>', 'Text <b onclick="x()">bold</b>'],
    ['<a href="javascript:alert(1)">go</a>', '<a href="javascript:alert(1)">go</a>'],
  ])('%s stays text', (source, text) => {
    const tree = parseMarkdown(source);
    expect(texts(tree)).toContain(text);
    expect(nodes(tree).every((n) => ['paragraph', 'text'].includes(n.type))).toBe(true);
  });

  it.each([
    ['[click](javascript:alert(1))'],
    ['[click](JAVASCRIPT:alert(1))'],
    ['[click](data:text/html,<script>alert(1)</script>)'],
    ['[click](vbscript:msgbox)'],
    ['[click](file:///etc/passwd)'],
    ['[click](<javascript:alert(1)>)'],
    ['[click][r]\n\n[r]: javascript:alert(1)'],
  ])('%s makes no link', (source) => {
    const tree = parseMarkdown(source);
    expect(nodes(tree).some((n) => n.type === 'link')).toBe(false);
    expect(texts(tree)).toContain('click');
  });

  it.each([
    ['![diagram](http://img.example.com/a.png)'],
    ['![diagram](data:image/png;base64,AAAA)'],
    ['![diagram](file:///a.png)'],
  ])('%s keeps only the description', (source) => {
    const tree = parseMarkdown(source);
    expect(nodes(tree).some((n) => n.type === 'image')).toBe(false);
    expect(texts(tree)).toBe('diagram');
  });
});

describe('what Markdown becomes', () => {
  it('keeps the structure an article uses', () => {
    const tree = parseMarkdown(
      [
        '# Upgrade failed',
        '',
        'Run **this** and *that*, see `schema.log`.',
        '',
        '- one',
        '- two [docs](https://docs.example.com)',
        '',
        '3. third',
        '',
        '```sh',
        'hicare kb show kb-1',
        '```',
        '',
        '> quoted',
        '',
        '---',
        '',
        '| a | b |',
        '|---|---|',
        '| 1 | 2 |',
        '',
        '![map](https://img.example.com/m.png)',
      ].join('\n'),
    );
    expect(tree).toEqual([
      { type: 'heading', level: 1, slug: 'upgrade-failed', children: [{ type: 'text', text: 'Upgrade failed' }] },
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'Run ' },
          { type: 'strong', children: [{ type: 'text', text: 'this' }] },
          { type: 'text', text: ' and ' },
          { type: 'em', children: [{ type: 'text', text: 'that' }] },
          { type: 'text', text: ', see ' },
          { type: 'code', text: 'schema.log' },
          { type: 'text', text: '.' },
        ],
      },
      {
        type: 'list',
        ordered: false,
        start: 1,
        items: [
          [{ type: 'paragraph', children: [{ type: 'text', text: 'one' }] }],
          [
            {
              type: 'paragraph',
              children: [
                { type: 'text', text: 'two ' },
                {
                  type: 'link',
                  href: 'https://docs.example.com',
                  external: true,
                  children: [{ type: 'text', text: 'docs' }],
                },
              ],
            },
          ],
        ],
      },
      {
        type: 'list',
        ordered: true,
        start: 3,
        items: [[{ type: 'paragraph', children: [{ type: 'text', text: 'third' }] }]],
      },
      { type: 'code', language: 'sh', text: 'hicare kb show kb-1\n' },
      { type: 'blockquote', children: [{ type: 'paragraph', children: [{ type: 'text', text: 'quoted' }] }] },
      { type: 'hr' },
      {
        type: 'table',
        head: [[{ type: 'text', text: 'a' }], [{ type: 'text', text: 'b' }]],
        rows: [[[{ type: 'text', text: '1' }], [{ type: 'text', text: '2' }]]],
      },
      {
        type: 'paragraph',
        children: [{ type: 'image', src: 'https://img.example.com/m.png', alt: 'map' }],
      },
    ]);
  });

  it('does not link bare addresses', () => {
    expect(nodes(parseMarkdown('see https://example.com now')).some((n) => n.type === 'link')).toBe(false);
  });

  it('survives nesting far deeper than any article', () => {
    expect(() => parseMarkdown('>'.repeat(5000) + ' deep')).not.toThrow();
    expect(() => parseMarkdown('- '.repeat(2000) + 'deep')).not.toThrow();
  });
});

describe('heading anchors', () => {
  it.each([
    ['Upgrade failed: database timeout', 'upgrade-failed-database-timeout'],
    ['  Roll back!  ', 'roll-back'],
    ['升级失败：数据库连接超时', '升级失败-数据库连接超时'],
    ['步骤 2 检查 日志', '步骤-2-检查-日志'],
    ['???', 'section'],
  ])('%j → %j', (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });

  it('numbers repeated headings', () => {
    const slug = slugger();
    expect(['Steps', 'Steps', 'Steps'].map(slug)).toEqual(['steps', 'steps-2', 'steps-3']);
  });
});

describe('terminal text', () => {
  it.each([
    ['# Title', 'Title\n====='],
    ['## Cause', 'Cause\n-----'],
    ['### Step', 'Step'],
    ['- a\n- b', '• a\n• b'],
    ['1. a\n2. b', '1. a\n2. b'],
    ['```\nrun it\n```', '    run it'],
    ['See [the guide](https://docs.example.com/g).', 'See the guide (https://docs.example.com/g).'],
    ['[x](javascript:alert(1))', 'x'],
    ['![map](https://img.example.com/m.png)', '[map] (https://img.example.com/m.png)'],
    ['> note', '│ note'],
    ['<script>alert(1)</script>', '<script>alert(1)</script>'],
    ['red \u001b[31mtext', 'red [31mtext'],
  ])('%j', (source, text) => {
    expect(toTerminalText(source)).toBe(text);
  });
});
