/**
 * The self-help reader and its words: hostile Markdown drawn as text only, links and images as the rules allow, the
 * request drafted from an unanswered question, and authors named only as the portal allows.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { PostAuthor } from '../../../shared/contracts/selfhelp/community.js';
import { translator } from '../../../shared/i18n/translator.js';
import { Markdown } from '../../../renderer/src/components/Markdown.js';
import { authorWords } from '../../../renderer/src/selfhelp/author-words.js';
import { Highlighted } from '../../../renderer/src/selfhelp/Highlighted.js';
import { sourceHref } from '../../../renderer/src/selfhelp/links.js';
import { codeWords, readMoreHref } from '../../../renderer/src/selfhelp/read-more.js';
import { draftDescription, draftSubject, keepDraft, keptDraft } from '../../../renderer/src/selfhelp/request-draft.js';

const html = (source: string) => renderToStaticMarkup(<Markdown source={source} />);

describe('the Markdown reader', () => {
  it.each([
    ['<script>alert(1)</script>', /&lt;script&gt;alert\(1\)&lt;\/script&gt;/],
    ['<iframe src="https://evil.example"></iframe>', /&lt;iframe/],
    ['<img src=x onerror="alert(1)">', /&lt;img src=x onerror=/],
  ])('draws %s as text', (source, escaped) => {
    const out = html(source);
    expect(out).toMatch(escaped);
    expect(out).not.toMatch(/<(script|iframe|img)\b/);
    expect(out).not.toMatch(/<[^>]*\son\w+=/);
  });

  it.each([
    ['[go](javascript:alert(1))'],
    ['[go](data:text/html,x)'],
    ['[go](vbscript:x)'],
    ['[go](file:///etc/passwd)'],
  ])('%s is inert text', (source) => {
    const out = html(source);
    expect(out).not.toContain('<a');
    expect(out).toContain('go');
  });

  it('opens external links without telling the site where from, and keeps in-app links in the app', () => {
    expect(html('[docs](https://docs.example.com/x)')).toContain(
      '<a href="https://docs.example.com/x" target="_blank" rel="noopener noreferrer">docs</a>',
    );
    expect(html('[search](#/selfhelp?q=x)')).toContain('<a href="#/selfhelp?q=x">search</a>');
  });

  it('shows an https image as a placeholder naming its host, never as an <img>, until the reader asks', () => {
    const out = html('![topology](https://img.example.com/t.png)');
    expect(out).not.toContain('<img');
    expect(out).toContain('Image from img.example.com');
    expect(out).toContain('>Show</button>');
  });

  it('gives headings their anchors', () => {
    expect(html('# Rollback steps')).toContain('<h3 id="rollback-steps" tabindex="-1">Rollback steps</h3>');
  });
});

describe('highlighted runs', () => {
  it('marks the hits and keeps everything text', () => {
    const out = renderToStaticMarkup(
      <Highlighted
        runs={[
          { text: 'Upgrade failed: ', hit: false },
          { text: '<b>database</b>', hit: true },
        ]}
      />,
    );
    expect(out).toBe('<span>Upgrade failed: </span><mark>&lt;b&gt;database&lt;/b&gt;</mark>');
  });
});

describe('where a hit leads', () => {
  it.each([
    [{ source: 'article' as const, id: 'kb-1', anchor: null }, '#/selfhelp/article/kb-1'],
    [{ source: 'article' as const, id: 'kb-1', anchor: '#rollback' }, '#/selfhelp/article/kb-1?section=rollback'],
    [{ source: 'community' as const, id: 'q_1', anchor: null }, '#/selfhelp/community/q_1'],
  ])('%o → %s', (hit, href) => {
    expect(sourceHref(hit)).toBe(href);
  });

  it.each([
    ['UPGRADE_NOT_COVERED', 'upgrade not covered'],
    ['CONTRACT_EXPIRED.lapsed', 'contract expired'],
  ])('a reason %s is searched as %j', (code, words) => {
    expect(codeWords(code)).toBe(words);
  });

  it('reads more on the product, with words and version when known', () => {
    expect(readMoreHref('beacon', 'end of maintenance')).toBe('#/selfhelp?q=end+of+maintenance&product=beacon');
    expect(readMoreHref('beacon', '', '1.6.3')).toBe('#/selfhelp?product=beacon&version=1.6.3');
    expect(readMoreHref('beacon', ' ', null)).toBe('#/selfhelp?product=beacon');
  });
});

describe('a request drafted from an unanswered question', () => {
  const t = translator('en');
  it.each([
    ['Why does the upgrade stop at 40%?', 'Why does the upgrade stop at 40%?'],
    ['  first line\nsecond line', 'first line'],
    ['x'.repeat(200), `${'x'.repeat(119)}…`],
    ['数据库'.repeat(50), `${'数据库'.repeat(40).slice(0, 119)}…`],
  ])('subject of %j', (question, subject) => {
    expect(draftSubject(question)).toBe(subject);
  });

  it('holds the question and what self-help showed', () => {
    expect(
      draftDescription(
        {
          question: 'Upgrade stops with a database timeout',
          shown: [{ title: 'Upgrade failed: database timeout', href: '#/selfhelp/article/kb-db' }],
        },
        t,
      ),
    ).toBe(
      [
        'Upgrade stops with a database timeout',
        '',
        'Question asked in self-help:',
        'Upgrade stops with a database timeout',
        '',
        'Self-help showed:',
        '- Upgrade failed: database timeout (#/selfhelp/article/kb-db)',
      ].join('\n'),
    );
    expect(draftDescription({ question: 'q', shown: [] }, translator('zh-CN'))).toContain('自助服务没有找到相关文章。');
  });

  it('is kept in this window and read back; anything else reads as no draft', () => {
    const store = new Map<string, string>();
    const storage = {
      setItem: (k: string, v: string) => void store.set(k, v),
      getItem: (k: string) => store.get(k) ?? null,
    };
    const draft = { question: 'q', shown: [{ title: 'A', href: '#/selfhelp/article/a' }] };
    const key = keepDraft(draft, storage);
    expect(keptDraft(key, storage)).toEqual(draft);
    expect(keptDraft('missing', storage)).toBeNull();
    store.set('hicare.selfhelp.draft.bad', '{not json');
    expect(keptDraft('bad', storage)).toBeNull();
    store.set('hicare.selfhelp.draft.odd', JSON.stringify({ question: 1, shown: [] }));
    expect(keptDraft('odd', storage)).toBeNull();
    // A link that is not an app address is not carried into the request.
    store.set(
      'hicare.selfhelp.draft.js',
      JSON.stringify({ question: 'q', shown: [{ title: 'x', href: 'javascript:alert(1)' }] }),
    );
    expect(keptDraft('js', storage)).toEqual({ question: 'q', shown: [] });
  });
});

describe('authors', () => {
  const t = translator('en');
  const zh = translator('zh-CN');
  const author = (a: Partial<PostAuthor>): PostAuthor => ({
    kind: 'customer',
    company: null,
    companyShown: false,
    name: null,
    mine: false,
    ...a,
  });
  it.each<[Partial<PostAuthor>, string, string]>([
    [{}, 'A customer', '一位客户'],
    [{ company: 'Contoso Grid', companyShown: true }, 'Contoso Grid', 'Contoso Grid'],
    [{ kind: 'vendor', name: 'Wei Zhang' }, 'Wei Zhang (vendor engineer)', 'Wei Zhang（厂商工程师）'],
    [{ kind: 'vendor' }, 'A vendor engineer', '一位厂商工程师'],
    [{ mine: true }, 'A customer (you)', '一位客户（您）'],
  ])('%o reads %j / %j', (a, en, cn) => {
    expect(authorWords(author(a), t)).toBe(en);
    expect(authorWords(author(a), zh)).toBe(cn);
  });
});
