/** The knowledge articles: a searchable list filtered by state and kind, and the form that starts a draft. */
import { useState, type FormEvent } from 'react';
import { ArticleCreateSchema } from '../../../../../shared/contracts/admin/articles.js';
import {
  ARTICLE_KINDS,
  ARTICLE_STATES,
  type ArticleKind,
  type ArticleState,
} from '../../../../../shared/contracts/knowledge.js';
import { articleKindWords, articleStateWords } from '../../../../../shared/domain/article-words.js';
import { Badge } from '../../../components/Badge.js';
import { ErrorNotice } from '../../../components/ErrorNotice.js';
import { Section } from '../../../components/Section.js';
import { adminCall } from '../../../console/admin-call.js';
import { useT } from '../../../i18n/index.js';
import { toShownError, type ShownError } from '../../../lib/errors.js';
import { formatDateTime } from '../../../lib/format.js';
import { hrefOf } from '../../../lib/routes.js';
import { PagedList } from '../PagedList.js';
import { refusalOf } from '../regions/schema-error.js';
import { ArticleFields } from './ArticleFields.js';
import { contentOf, EMPTY_FORM, stateTone, type ArticleForm } from './article-form.js';

export function ArticlesArea() {
  const { t } = useT();
  const [state, setState] = useState<ArticleState | ''>('');
  const [kind, setKind] = useState<ArticleKind | ''>('');
  const [reload, setReload] = useState(0);
  return (
    <Section title={t('admin.articles.title')} testId="articles">
      <p className="muted small">{t('admin.articles.hint')}</p>
      <div className="row-actions">
        <label className="inline-field">
          <span>{t('admin.articles.state')}</span>
          <select
            value={state}
            onChange={(e) => setState(e.target.value as ArticleState | '')}
            data-testid="articles-filter-state"
          >
            <option value="">{t('admin.articles.anyState')}</option>
            {ARTICLE_STATES.map((s) => (
              <option key={s} value={s}>
                {articleStateWords(s, t)}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          <span>{t('admin.articles.kind')}</span>
          <select
            value={kind}
            onChange={(e) => setKind(e.target.value as ArticleKind | '')}
            data-testid="articles-filter-kind"
          >
            <option value="">{t('admin.articles.anyKind')}</option>
            {ARTICLE_KINDS.map((k) => (
              <option key={k} value={k}>
                {articleKindWords(k, t)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <PagedList
        testId="articles-list"
        reloadKey={`${state}|${kind}|${reload}`}
        searchPlaceholder={t('admin.articles.searchPlaceholder')}
        load={(query) =>
          adminCall('adminArticles', {
            query: { ...query, ...(state === '' ? {} : { state }), ...(kind === '' ? {} : { kind }) },
          })
        }
        keyOf={(r) => r.id}
        columns={[
          {
            header: t('admin.articles.id'),
            rowHeader: true,
            cell: (r) => (
              <a
                href={hrefOf({ name: 'console', area: 'articles', id: r.id })}
                translate="no"
                data-testid="articles-open"
              >
                {r.id}
              </a>
            ),
          },
          { header: t('admin.articles.articleTitle'), cell: (r) => r.title },
          {
            header: t('admin.articles.state'),
            cell: (r) => <Badge tone={stateTone(r.state)}>{articleStateWords(r.state, t)}</Badge>,
          },
          { header: t('admin.articles.kind'), cell: (r) => articleKindWords(r.kind, t) },
          {
            header: t('admin.articles.product'),
            cell: (r) =>
              r.product === null ? t('admin.articles.everyProduct') : <span translate="no">{r.product}</span>,
          },
          { header: t('admin.articles.revision'), cell: (r) => r.revision },
          {
            header: t('admin.articles.publishedRevision'),
            cell: (r) => r.publishedRevision ?? t('admin.articles.notPublished'),
          },
          { header: t('admin.articles.updatedAt'), cell: (r) => formatDateTime(r.updatedAt) },
        ]}
      />
      <CreateArticle onCreated={() => setReload((n) => n + 1)} />
    </Section>
  );
}

function CreateArticle({ onCreated }: { onCreated: () => void }) {
  const { t } = useT();
  const [id, setId] = useState('');
  const [form, setForm] = useState<ArticleForm>(EMPTY_FORM);
  const [error, setError] = useState<ShownError | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const body = { id: id.trim(), ...contentOf(form) };
    const refused = refusalOf(ArticleCreateSchema, body);
    if (refused !== null) {
      setError(refused);
      return;
    }
    adminCall('adminArticleCreate', { body }).then(
      (a) => {
        setError(null);
        setDone(t('admin.articles.create.created', { id: a.row.id }));
        setId('');
        setForm(EMPTY_FORM);
        onCreated();
      },
      (err: unknown) => setError(toShownError(err)),
    );
  };

  return (
    <form className="form card" onSubmit={submit} data-testid="articles-create">
      <h3>{t('admin.articles.create.title')}</h3>
      <label>
        {t('admin.articles.id')}
        <input value={id} onChange={(e) => setId(e.target.value)} data-testid="articles-create-id" />
        <span className="muted small">{t('admin.articles.create.idHint')}</span>
      </label>
      <ArticleFields form={form} onChange={setForm} testId="articles-create" />
      {error !== null && <ErrorNotice error={error} testId="articles-create-error" />}
      {done !== null && (
        <p role="status" data-testid="articles-create-done">
          {done}
        </p>
      )}
      <button type="submit" data-testid="articles-create-submit">
        {t('admin.console.create')}
      </button>
    </form>
  );
}
