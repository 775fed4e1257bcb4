/**
 * How text becomes terms (portal/knowledge/tokenize.ts, stem.ts), how Markdown becomes plain sections
 * (sections.ts) and how headings become anchors (shared/domain/heading-anchor.ts).
 */
import { describe, expect, it } from 'vitest';
import { queryTerms, termSpans, tokenize } from '../../../../portal/knowledge/tokenize.js';
import { stem } from '../../../../portal/knowledge/stem.js';
import { plainText, splitSections } from '../../../../portal/knowledge/sections.js';
import { headingAnchors, headingSlug } from '../../../../shared/domain/heading-anchor.js';
import { DEMO_ARTICLES } from '../../../../portal/demo/knowledge.js';

describe('tokenize', () => {
  it.each<[string, string, string[]]>([
    ['lowercases and drops stopwords', 'How do I Stop the Agent', ['stop', 'agent']],
    ['keeps compounds whole and their parts', 'cobalt-agent', ['cobalt-agent', 'cobalt', 'agent']],
    ['keeps versions whole and their numbers', 'v 4.2.1', ['4.2.1', '4', '2', '1']],
    ['folds full-width letters and digits (NFKC)', 'ＡＴＬＡＳ ２', ['atlas', '2']],
    ['a name ending in -as is not a plural', 'atlas aliases', ['atlas', 'alias']],
    ['stems inflections', 'upgrades upgrading policies', ['upgrad', 'upgrad', 'policy']],
    ['Chinese as overlapping bigrams', '数据库超时', ['数据', '据库', '库超', '超时']],
    ['Chinese question words split a run', '数据库的超时怎么办', ['数据', '据库', '超时']],
    ['a lone Han character stands for itself', '库', ['库']],
    ['mixed text', 'Atlas 升级失败', ['atlas', '升级', '级失', '失败']],
  ])('%s', (_name, text, expected) => {
    expect(tokenize(text)).toEqual(expected);
  });

  it('"数据库 超时" and "连接超时" share terms with the title of the case', () => {
    const title = new Set(tokenize('升级失败：数据库连接超时'));
    for (const q of ['数据库 超时', '连接超时'])
      for (const t of queryTerms(q)) expect(title.has(t), `${q}: ${t}`).toBe(true);
  });

  it('gives distinct query terms, bounded', () => {
    expect(queryTerms('agent agent AGENT')).toEqual(['agent']);
    expect(queryTerms(Array.from({ length: 100 }, (_, i) => `w${i}`).join(' '))).toHaveLength(32);
  });

  it('locates terms in the original text, for highlighting', () => {
    const text = 'Stop ＡＢ cobalt-agent 超时';
    const spans = termSpans(text).map((s) => [text.slice(s.start, s.end), s.terms]);
    expect(spans).toEqual([
      ['Stop', ['stop']],
      ['ＡＢ', ['ab']],
      ['cobalt-agent', ['cobalt-agent', 'cobalt', 'agent']],
      ['超时', ['超时']],
    ]);
  });
});

describe('stem', () => {
  it.each([
    ['upgrade', 'upgrad'],
    ['upgraded', 'upgrad'],
    ['stopped', 'stop'],
    ['running', 'run'],
    ['installer', 'installer'],
    ['process', 'process'],
    ['4.2.1', '4.2.1'],
    ['api', 'api'],
  ])('%s → %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });
});

describe('sections and plain text', () => {
  it('splits at headings, not at # inside code blocks', () => {
    const sections = splitSections(
      [
        'Intro text.',
        '',
        '## Steps to fix',
        '',
        '```sh',
        '# a comment',
        'rm -f x.pid',
        '```',
        '',
        '## 原因 分析',
        'text',
      ].join('\n'),
    );
    expect(sections).toEqual([
      { heading: null, anchor: null, text: 'Intro text.' },
      { heading: 'Steps to fix', anchor: 'steps-to-fix', text: '# a comment rm -f x.pid' },
      { heading: '原因 分析', anchor: '原因-分析', text: 'text' },
    ]);
  });

  it.each<[string, string, string]>([
    ['emphasis', 'a **bold** and *light* word', 'a bold and light word'],
    ['link targets go, words stay', 'see [the guide](https://x.example/g) now', 'see the guide now'],
    ['images keep their description only', '![tracking pixel](https://t.example/p.png)', 'tracking pixel'],
    ['lists and quotes', '- one\n1. two\n> three', 'one two three'],
    ['inline code marks', 'run `systemctl stop cobalt-agent`', 'run systemctl stop cobalt-agent'],
    ['scripts and frames vanish with their content', 'a<script>alert(1)</script><iframe src=x></iframe>b', 'a b'],
    ['tags with handlers vanish', 'x <img src=x onerror="alert(1)"> y', 'x y'],
    ['script links', 'a <javascript:alert(1)> b', 'a b'],
    ['underscores inside names stay', 'set buffer_max_bytes', 'set buffer_max_bytes'],
  ])('%s', (_name, markdown, expected) => {
    expect(plainText(markdown)).toBe(expected);
  });

  it('leaves no markup of the hostile sample article in its text', () => {
    const sample = DEMO_ARTICLES.find((a) => a.id === 'kb-markdown-safety-sample')!;
    const text = splitSections(sample.body)
      .map((s) => `${s.heading ?? ''} ${s.text}`)
      .join(' ');
    for (const bad of ['<', '>', 'onerror', 'javascript', 'alert', 'https://', '](', '##', '**']) {
      expect(text).not.toContain(bad);
    }
  });
});

describe('heading anchors', () => {
  it.each([
    ['Steps to fix', 'steps-to-fix'],
    ['  What’s new in 4.2?  ', 'what-s-new-in-4-2'],
    ['原因分析', '原因分析'],
    ['***', 'section'],
  ])('%s → %s', (heading, slug) => {
    expect(headingSlug(heading)).toBe(slug);
  });

  it('numbers repeated headings', () => {
    expect(headingAnchors(['Cause', 'Fix', 'Cause', 'cause'])).toEqual(['cause', 'fix', 'cause-2', 'cause-3']);
  });
});
