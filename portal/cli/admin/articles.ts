/**
 * `hicare-portal article list|show|revisions|add|update|publish|withdraw`: the knowledge base's articles from the
 * portal's own machine, through the same functions as the console's API (../../admin/articles.ts), audited as the
 * operator. An article's text is Markdown, read from `--body-file FILE` or from standard input with `--body-file -`.
 */
import { readFile } from 'node:fs/promises';
import type { AdminArticle, ArticleContent } from '../../../shared/contracts/admin/articles.js';
import type { KnowledgeArticle } from '../../../shared/contracts/knowledge.js';
import { articleKindWords, articleStateWords, signaturesWords } from '../../../shared/domain/article-words.js';
import type { Translate } from '../../../shared/i18n/translator.js';
import {
  createArticle,
  getAdminArticle,
  getArticleRevision,
  listAdminArticles,
  publishArticle,
  updateArticle,
  withdrawArticle,
} from '../../admin/articles.js';
import { commandLineActor } from '../../admin/audit.js';
import { parse } from '../commands.js';
import { withStorage, type CliEnvironment } from '../context.js';
import { UsageError } from '../usage.js';
import { OUTPUT_FLAGS, outputFormat, printListing, printRecord, readerT, type OutputFormat } from './output.js';

const LIST_FLAGS = {
  q: { type: 'string' },
  state: { type: 'string' },
  offset: { type: 'string' },
  limit: { type: 'string' },
} as const;
const CONTENT_FLAGS = {
  kind: { type: 'string' },
  product: { type: 'string' },
  'no-product': { type: 'boolean' },
  versions: { type: 'string' },
  'all-versions': { type: 'boolean' },
  locale: { type: 'string' },
  title: { type: 'string' },
  'body-file': { type: 'string' },
  'exit-codes': { type: 'string' },
  'log-contains': { type: 'string' },
  'no-signatures': { type: 'boolean' },
  note: { type: 'string' },
  'base-revision': { type: 'string' },
  revision: { type: 'string' },
  reason: { type: 'string' },
} as const;

type ContentFlags = {
  [K in keyof typeof CONTENT_FLAGS]?: (typeof CONTENT_FLAGS)[K]['type'] extends 'boolean' ? boolean : string;
};

/** `3,4` → [3, 4]; an empty value means any exit code. */
export function parseExitCodes(given: string, t: Translate): number[] {
  if (given.trim() === '') return [];
  return given.split(',').map((part) => {
    const text = part.trim();
    if (!/^-?\d{1,10}$/.test(text) || !Number.isSafeInteger(Number(text))) {
      throw new UsageError(t('admin.articles.cli.exitCodes', { given }));
    }
    return Number(text);
  });
}

function parseRevision(given: string | undefined, t: Translate): number | undefined {
  if (given === undefined) return undefined;
  if (!/^[1-9]\d{0,8}$/.test(given.trim())) throw new UsageError(t('admin.articles.cli.revision', { given }));
  return Number(given.trim());
}

async function readBody(file: string, t: Translate): Promise<string> {
  if (file === '-') {
    let text = '';
    for await (const chunk of process.stdin) text += String(chunk);
    return text;
  }
  try {
    return await readFile(file, 'utf8');
  } catch {
    throw new UsageError(t('admin.articles.cli.bodyFile', { given: file }));
  }
}

/** The signatures the flags state: one from --exit-codes/--log-contains, none with --no-signatures, else `kept`. */
function signaturesOf(values: ContentFlags, kept: KnowledgeArticle['signatures'], t: Translate) {
  if (values['no-signatures'] === true) return [];
  if (values['exit-codes'] === undefined && values['log-contains'] === undefined) return kept;
  return [
    {
      exitCodes: parseExitCodes(values['exit-codes'] ?? '', t),
      ...(values['log-contains'] === undefined ? {} : { logContains: values['log-contains'] }),
    },
  ];
}

/** The content the flags give, over `base` (the newest revision, for an update); the portal checks the result. */
async function contentOf(values: ContentFlags, base: KnowledgeArticle | null, t: Translate): Promise<ArticleContent> {
  const body = values['body-file'] === undefined ? base?.body : await readBody(values['body-file'], t);
  const missing = [
    ...(values.kind === undefined && base === null ? ['--kind'] : []),
    ...(values.title === undefined && base === null ? ['--title'] : []),
    ...(body === undefined ? ['--body-file'] : []),
  ];
  if (missing.length > 0) throw new UsageError(t('admin.articles.cli.missing', { flags: missing.join(', ') }));
  return {
    kind: (values.kind ?? base?.kind) as ArticleContent['kind'],
    product: values['no-product'] === true ? null : (values.product ?? base?.product ?? null),
    versions: values['all-versions'] === true ? null : (values.versions ?? base?.versions ?? null),
    locale: (values.locale ?? base?.locale ?? 'en') as ArticleContent['locale'],
    title: values.title ?? base?.title ?? '',
    body: body ?? '',
    signatures: signaturesOf(values, base?.signatures ?? [], t),
    ...(values.note === undefined ? {} : { note: values.note }),
  };
}

function contentFields(article: KnowledgeArticle, t: Translate): [string, string][] {
  return [
    [t('admin.articles.id'), article.id],
    [t('admin.articles.kind'), articleKindWords(article.kind, t)],
    [t('admin.articles.product'), article.product ?? t('admin.articles.everyProduct')],
    [t('admin.articles.versions'), article.versions ?? t('admin.articles.everyVersion')],
    [t('admin.articles.locale'), article.locale],
    [t('admin.articles.articleTitle'), article.title],
    [t('admin.articles.signatures'), signaturesWords(article.signatures, t)],
  ];
}

function printArticle(io: CliEnvironment, format: OutputFormat, view: AdminArticle, t: Translate, said?: string): void {
  if (said !== undefined && format === 'text') io.print(said);
  const { row } = view;
  printRecord(io, format, view, [
    ...contentFields(view.article, t),
    [t('admin.articles.state'), articleStateWords(row.state, t)],
    [t('admin.articles.revision'), String(row.revision)],
    [
      t('admin.articles.publishedRevision'),
      row.publishedRevision === null ? t('admin.articles.notPublished') : String(row.publishedRevision),
    ],
    [t('admin.articles.updatedAt'), row.updatedAt],
    [t('admin.articles.updatedBy'), row.updatedBy],
    ...(view.withdrawn === null
      ? []
      : [
          [
            t('admin.articles.states.withdrawn'),
            t('admin.articles.record.withdrawnNotice', { at: view.withdrawn.at, reason: view.withdrawn.reason }),
          ] as [string, string],
        ]),
  ]);
}

function printBody(io: CliEnvironment, format: OutputFormat, body: string): void {
  if (format !== 'text') return;
  io.print('');
  io.print(body);
}

export async function articleCommand(args: readonly string[], io: CliEnvironment): Promise<void> {
  const { values, positionals } = parse(args, { ...OUTPUT_FLAGS, ...LIST_FLAGS, ...CONTENT_FLAGS }, 2);
  const t = readerT(values.lang, io.env);
  const format = outputFormat(values, t);
  const [verb, first] = positionals;
  const actor = commandLineActor();
  const needId = (): string => {
    if (first === undefined) throw new UsageError(t('admin.articles.cli.needId'));
    return first;
  };

  switch (verb) {
    case 'list': {
      const page = await withStorage(values, io, ({ db }) =>
        listAdminArticles(db, {
          q: values.q,
          state: values.state as never,
          kind: values.kind as never,
          product: values.product,
          offset: values.offset ?? 0,
          limit: values.limit ?? 100,
        }),
      );
      printListing(io, format, page, {
        columns: [
          { header: t('admin.articles.id'), value: (r) => r.id },
          { header: t('admin.articles.state'), value: (r) => articleStateWords(r.state, t) },
          { header: t('admin.articles.kind'), value: (r) => articleKindWords(r.kind, t) },
          { header: t('admin.articles.product'), value: (r) => r.product ?? t('admin.articles.everyProduct') },
          { header: t('admin.articles.revision'), value: (r) => r.revision },
          { header: t('admin.articles.publishedRevision'), value: (r) => r.publishedRevision },
          { header: t('admin.articles.articleTitle'), value: (r) => r.title },
        ],
        rows: page.items,
        ...(page.items.length === 0
          ? {}
          : {
              footer: t('admin.cli.pageFooter', {
                first: page.offset + 1,
                last: page.offset + page.items.length,
                total: page.total,
              }),
            }),
      });
      return;
    }
    case 'show': {
      const id = needId();
      const revision = parseRevision(values.revision, t);
      if (revision !== undefined) {
        const one = await withStorage(values, io, ({ db }) => getArticleRevision(db, id, revision));
        printRecord(io, format, one, [
          ...contentFields(one, t),
          [t('admin.articles.revisions.at'), one.updatedAt],
          [t('admin.articles.revisions.revision'), String(one.revision)],
        ]);
        printBody(io, format, one.body);
        return;
      }
      const view = await withStorage(values, io, ({ db }) => getAdminArticle(db, id));
      printArticle(io, format, view, t);
      printBody(io, format, view.article.body);
      return;
    }
    case 'revisions': {
      const view = await withStorage(values, io, ({ db }) => getAdminArticle(db, needId()));
      printListing(io, format, view.revisions, {
        columns: [
          { header: t('admin.articles.revisions.revision'), value: (r) => r.revision },
          { header: t('admin.articles.revisions.at'), value: (r) => r.at },
          { header: t('admin.articles.revisions.by'), value: (r) => r.by },
          { header: t('admin.articles.revisions.note'), value: (r) => r.note },
          {
            header: t('admin.articles.state'),
            value: (r) =>
              r.revision === view.row.publishedRevision && view.row.state === 'published'
                ? t('admin.articles.revisions.readersSee')
                : '',
          },
        ],
        rows: view.revisions,
      });
      return;
    }
    case 'add': {
      const id = needId();
      const content = await contentOf(values, null, t);
      const view = await withStorage(values, io, ({ db }) => createArticle(db, actor, { id, ...content }, io.now()));
      printArticle(io, format, view, t, t('admin.articles.cli.created', { id }));
      return;
    }
    case 'update': {
      const id = needId();
      const named = parseRevision(values['base-revision'], t);
      const view = await withStorage(values, io, async ({ db }) => {
        const current = await getAdminArticle(db, id);
        const content = await contentOf(values, current.article, t);
        // Without --base-revision the save starts from the newest revision as read just now.
        const baseRevision = named ?? current.row.revision;
        return updateArticle(db, actor, id, { ...content, baseRevision }, io.now());
      });
      printArticle(io, format, view, t, t('admin.articles.cli.updated', { id, revision: view.row.revision }));
      return;
    }
    case 'publish': {
      const id = needId();
      const revision = parseRevision(values.revision, t);
      const view = await withStorage(values, io, ({ db }) => publishArticle(db, actor, id, revision, io.now()));
      const shown = view.row.publishedRevision ?? view.row.revision;
      printArticle(io, format, view, t, t('admin.articles.cli.published', { id, revision: shown }));
      return;
    }
    case 'withdraw': {
      const id = needId();
      if (values.reason === undefined) throw new UsageError(t('admin.articles.cli.missing', { flags: '--reason' }));
      const view = await withStorage(values, io, ({ db }) =>
        withdrawArticle(db, actor, id, values.reason ?? '', io.now()),
      );
      printArticle(io, format, view, t, t('admin.articles.cli.withdrawn', { id }));
      return;
    }
    default:
      throw new UsageError(t('admin.articles.cli.usage'));
  }
}
