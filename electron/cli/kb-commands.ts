/**
 * `hicare kb …`: the knowledge base from the command line. `search` prints a table of hits with the query's words
 * marked (bold on a terminal, [brackets] in a pipe or a file); `show` prints an article as terminal text. A withdrawn
 * article is answered with the portal's coded notice and its own exit code, so a script can tell it from a typo.
 */
import { ARTICLE_KINDS, type ArticleKind, type Highlight } from '../../shared/contracts/knowledge.js';
import type { KbArticleView, KbHit } from '../../shared/contracts/selfhelp/kb.js';
import { toTerminalText } from '../../shared/markdown/index.js';
import type { Translate } from '../../shared/i18n/translator.js';
import { parse, UsageError } from './commands.js';
import type { CliContext } from './context.js';
import { table } from './render.js';

const BOLD = '\u001b[1m';
const NOT_BOLD = '\u001b[22m';
/** A snippet longer than this is cut so each hit stays on one line of a normal terminal. */
const SNIPPET_CHARS = 100;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** Highlight runs as terminal text: hits in bold on a terminal, in [brackets] elsewhere; the portal's text cleaned. */
export function markedText(runs: Highlight, tty: boolean, max = Infinity): string {
  let left = max;
  let out = '';
  for (const run of runs) {
    if (left <= 0) break;
    const chars = [...run.text.replace(CONTROL, ' ')];
    const text = chars.slice(0, left).join('');
    left -= chars.length;
    out += run.hit ? (tty ? `${BOLD}${text}${NOT_BOLD}` : `[${text}]`) : text;
  }
  return left < 0 ? `${out}…` : out;
}

function kindWords(hit: KbHit, t: Translate): string {
  return hit.source === 'community'
    ? t('cli.kb.community')
    : t('cli.kb.kind', { kind: (hit.kind ?? 'document').replaceAll('-', '_') });
}

export function renderHits(hits: readonly KbHit[], total: number, t: Translate, tty: boolean): string {
  if (hits.length === 0) return t('cli.kb.none');
  const rows = [
    [t('cli.kb.head.id'), t('cli.kb.head.kind'), t('cli.kb.head.title'), t('cli.kb.head.snippet')],
    ...hits.map((h) => [
      h.id,
      kindWords(h, t),
      markedText(h.title, false).replace(/[[\]]/g, ''),
      markedText(h.snippet, tty, SNIPPET_CHARS),
    ]),
  ];
  return `${table(rows)}\n\n${t('cli.kb.total', { shown: hits.length, total })}`;
}

export function renderArticle(view: KbArticleView, t: Translate): string {
  const a = view.article;
  const lines = [
    a.title.replace(CONTROL, ' '),
    '='.repeat(Math.min(72, Math.max(3, [...a.title].length))),
    t('cli.kb.articleLine', {
      id: a.id,
      kind: t('cli.kb.kind', { kind: a.kind.replaceAll('-', '_') }),
      product: a.product ?? t('cli.kb.allProducts'),
      versions: a.versions ?? t('cli.kb.allVersions'),
      updatedAt: a.updatedAt,
      revision: view.revision,
    }),
    '',
    toTerminalText(a.body),
  ];
  if (view.related.length > 0) {
    lines.push('', t('cli.kb.related'));
    for (const r of view.related) lines.push(`  ${r.id}  ${r.title.replace(CONTROL, ' ')}`);
  }
  return lines.join('\n');
}

function kindOf(value: string | undefined): ArticleKind | undefined {
  if (value === undefined) return undefined;
  if (!(ARTICLE_KINDS as readonly string[]).includes(value))
    throw new UsageError('cli.usage.kindChoices', { choices: ARTICLE_KINDS.join(', ') });
  return value as ArticleKind;
}

export async function kbCommand(ctx: CliContext, args: readonly string[]): Promise<void> {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'search': {
      const { values, positionals } = parse(
        rest,
        { product: { type: 'string' }, version: { type: 'string' }, kind: { type: 'string' } },
        { min: 1, max: 100 },
      );
      const kind = kindOf(values.kind);
      const result = await ctx.client().portal.call('kbSearch', {
        query: {
          q: positionals.join(' '),
          ...(values.product === undefined ? {} : { product: values.product }),
          ...(values.version === undefined ? {} : { version: values.version }),
          ...(kind === undefined ? {} : { kind }),
        },
      });
      if (ctx.flags.json === true) ctx.io.out(JSON.stringify(result, null, 2));
      else ctx.io.out(renderHits(result.hits, result.total, ctx.t, ctx.io.outIsTty === true));
      return;
    }
    case 'show': {
      const { positionals } = parse(rest, {}, { min: 1, max: 1 });
      const view = await ctx.client().portal.call('kbArticle', { params: { id: positionals[0] ?? '' } });
      if (ctx.flags.json === true) ctx.io.out(JSON.stringify(view, null, 2));
      else ctx.io.out(renderArticle(view, ctx.t));
      return;
    }
    default:
      throw new UsageError('cli.usage.kbSubcommand');
  }
}
