/**
 * Articles as the vendor manages them: every save is kept as a revision, and the article's row says which revision is
 * the newest, which one readers see, and whether the article is a draft, published or withdrawn (with when, why and
 * by whom). The row mirrors the newest revision's kind, product, locale and title so the back office can search and
 * filter without reading documents. Articles already stored become revision 1, published, as they were visible.
 */
import type { Kysely } from 'kysely';

interface OldArticle {
  id: string;
  document: string;
  updated_at: string;
}

interface Tables {
  articles: OldArticle & {
    kind: string;
    product: string | null;
    state: string;
    locale: string;
    title: string;
    versions: string | null;
    revision: number;
    published_revision: number | null;
    updated_by: string;
  };
  article_revisions: {
    article_id: string;
    revision: number;
    document: string;
    saved_at: string;
    saved_by: string;
    note: string | null;
  };
}

/** Who wrote the articles that predate revisions: nobody recorded it. */
const EARLIER_AUTHOR = 'migration';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('article_revisions')
    .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    /** The KnowledgeArticle as JSON, exactly as this revision was saved. */
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('saved_at', 'text', (c) => c.notNull())
    .addColumn('saved_by', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('article_revisions_pk', ['article_id', 'revision'])
    .execute();

  await db.schema
    .alterTable('articles')
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('published'))
    .execute();
  await db.schema
    .alterTable('articles')
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('en'))
    .execute();
  await db.schema
    .alterTable('articles')
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.alterTable('articles').addColumn('versions', 'text').execute();
  await db.schema
    .alterTable('articles')
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.alterTable('articles').addColumn('published_revision', 'integer').execute();
  await db.schema.alterTable('articles').addColumn('withdrawn_at', 'text').execute();
  await db.schema.alterTable('articles').addColumn('withdrawn_reason', 'text').execute();
  await db.schema.alterTable('articles').addColumn('withdrawn_by', 'text').execute();
  await db.schema
    .alterTable('articles')
    .addColumn('updated_by', 'text', (c) => c.notNull().defaultTo(EARLIER_AUTHOR))
    .execute();

  const typed = db as unknown as Kysely<Tables>;
  const rows = await typed.selectFrom('articles').select(['id', 'document', 'updated_at']).execute();
  for (const row of rows) {
    const doc = JSON.parse(row.document) as { title?: string; locale?: string; versions?: string | null };
    await typed
      .insertInto('article_revisions')
      .values({
        article_id: row.id,
        revision: 1,
        document: row.document,
        saved_at: row.updated_at,
        saved_by: EARLIER_AUTHOR,
        note: null,
      })
      .execute();
    await typed
      .updateTable('articles')
      .set({
        title: doc.title ?? row.id,
        locale: doc.locale ?? 'en',
        versions: doc.versions ?? null,
        published_revision: 1,
      })
      .where('id', '=', row.id)
      .execute();
  }
  // The content now lives in the revisions only, so there is one place to read it from.
  await db.schema.alterTable('articles').dropColumn('document').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('articles')
    .addColumn('document', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  const typed = db as unknown as Kysely<Tables>;
  const rows = await typed.selectFrom('articles').select(['id', 'published_revision', 'revision']).execute();
  for (const row of rows) {
    const kept = await typed
      .selectFrom('article_revisions')
      .select('document')
      .where('article_id', '=', row.id)
      .where('revision', '=', row.published_revision ?? row.revision)
      .executeTakeFirst();
    if (kept !== undefined) {
      await typed.updateTable('articles').set({ document: kept.document }).where('id', '=', row.id).execute();
    }
  }
  await db.schema.dropTable('article_revisions').execute();
  for (const column of [
    'state',
    'locale',
    'title',
    'versions',
    'revision',
    'published_revision',
    'withdrawn_at',
    'withdrawn_reason',
    'withdrawn_by',
    'updated_by',
  ]) {
    await db.schema.alterTable('articles').dropColumn(column).execute();
  }
}
