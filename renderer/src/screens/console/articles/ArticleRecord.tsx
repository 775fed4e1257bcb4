/**
 * One article: its state and newest revision, the editor that saves a new revision, the revisions (each can be
 * viewed and published), and the Publish and Withdraw actions. The text is shown as it was written, in plain
 * preformatted text, never as HTML.
 */
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { AdminArticle } from '../../../../../shared/contracts/admin/articles.js';
import { ArticleUpdateSchema } from '../../../../../shared/contracts/admin/articles.js';
import type { KnowledgeArticle } from '../../../../../shared/contracts/knowledge.js';
import { articleKindWords, articleStateWords, signaturesWords } from '../../../../../shared/domain/article-words.js';
import { Badge } from '../../../components/Badge.js';
import { ErrorNotice } from '../../../components/ErrorNotice.js';
import { Pending, Section } from '../../../components/Section.js';
import { adminCall } from '../../../console/admin-call.js';
import { useT } from '../../../i18n/index.js';
import { toShownError, type ShownError } from '../../../lib/errors.js';
import { formatDateTime } from '../../../lib/format.js';
import { refusalOf } from '../regions/schema-error.js';
import { ArticleFields } from './ArticleFields.js';
import { contentOf, formOf, stateTone, type ArticleForm } from './article-form.js';

export function ArticleRecord({ id }: { id: string }) {
  const { t } = useT();
  const [view, setView] = useState<AdminArticle | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [shown, setShown] = useState<(KnowledgeArticle & { revision: number }) | null>(null);

  useEffect(() => {
    adminCall('adminArticle', { params: { id } }).then(setView, (e: unknown) => setError(toShownError(e)));
  }, [id]);

  if (error !== null && view === null) return <ErrorNotice error={error} testId="articles-record-error" />;
  if (view === null) return <Pending what={id} />;

  const { row, article } = view;
  const changed = (next: AdminArticle, said: string) => {
    setView(next);
    setError(null);
    setDone(said);
  };
  const refused = (e: unknown) => {
    setDone(null);
    setError(toShownError(e));
  };
  const publish = (revision?: number) =>
    adminCall('adminArticlePublish', { params: { id }, body: revision === undefined ? {} : { revision } }).then(
      (next) =>
        changed(next, t('admin.articles.record.published', { revision: next.row.publishedRevision ?? row.revision })),
      refused,
    );
  const viewRevision = (revision: number) =>
    adminCall('adminArticleRevision', { params: { id, revision: String(revision) } }).then(setShown, refused);
  const fact = (label: string, value: ReactNode, testId?: string) => (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </>
  );

  return (
    <Section title={t('admin.articles.record.title', { id })} testId="articles-record">
      <p>
        <a href="#/console/articles">{t('admin.console.backToList')}</a>
      </p>
      <p>
        <Badge tone={stateTone(row.state)} testId="articles-record-state">
          {articleStateWords(row.state, t)}
        </Badge>
      </p>
      {view.withdrawn !== null && (
        <p className="notice notice-warn" role="status" data-testid="articles-record-withdrawn">
          {t('admin.articles.record.withdrawnNotice', {
            at: formatDateTime(view.withdrawn.at),
            reason: view.withdrawn.reason,
          })}
        </p>
      )}
      <dl className="facts">
        {fact(t('admin.articles.articleTitle'), article.title, 'articles-record-title')}
        {fact(t('admin.articles.kind'), articleKindWords(article.kind, t))}
        {fact(
          t('admin.articles.product'),
          article.product === null ? t('admin.articles.everyProduct') : <span translate="no">{article.product}</span>,
        )}
        {fact(t('admin.articles.versions'), article.versions ?? t('admin.articles.everyVersion'))}
        {fact(t('admin.articles.locale'), <span translate="no">{article.locale}</span>)}
        {fact(t('admin.articles.signatures'), signaturesWords(article.signatures, t))}
        {fact(t('admin.articles.revision'), row.revision, 'articles-record-newest')}
        {fact(
          t('admin.articles.publishedRevision'),
          row.publishedRevision ?? t('admin.articles.notPublished'),
          'articles-record-published',
        )}
        {fact(t('admin.articles.updatedAt'), formatDateTime(row.updatedAt))}
        {fact(t('admin.articles.updatedBy'), row.updatedBy)}
      </dl>
      <pre className="pre" data-testid="articles-record-body">
        {article.body}
      </pre>
      {error !== null && <ErrorNotice error={error} testId="articles-record-refused" />}
      {done !== null && (
        <p role="status" data-testid="articles-record-done">
          {done}
        </p>
      )}
      <div className="row-actions">
        {!(row.state === 'published' && row.publishedRevision === row.revision) && (
          <button type="button" onClick={() => void publish()} data-testid="articles-record-publish">
            {t('admin.articles.record.publishNewest', { revision: row.revision })}
          </button>
        )}
      </div>
      {row.state === 'published' && <WithdrawArticle id={id} onDone={changed} onRefused={refused} />}
      <EditArticle key={row.revision} view={view} onSaved={changed} />
      <h3>{t('admin.articles.revisions.title')}</h3>
      <table className="table compact" data-testid="articles-record-revisions">
        <thead>
          <tr>
            <th scope="col">{t('admin.articles.revisions.revision')}</th>
            <th scope="col">{t('admin.articles.revisions.at')}</th>
            <th scope="col">{t('admin.articles.revisions.by')}</th>
            <th scope="col">{t('admin.articles.revisions.note')}</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {view.revisions.map((r) => (
            <tr key={r.revision} data-testid="articles-record-revision">
              <th scope="row">
                {r.revision}{' '}
                {r.revision === row.publishedRevision && row.state === 'published' && (
                  <Badge tone="ok">{t('admin.articles.revisions.readersSee')}</Badge>
                )}
              </th>
              <td>{formatDateTime(r.at)}</td>
              <td>{r.by}</td>
              <td>{r.note ?? ''}</td>
              <td>
                <button
                  type="button"
                  onClick={() => void viewRevision(r.revision)}
                  data-testid="articles-revision-view"
                >
                  {t('admin.articles.revisions.view')}
                </button>{' '}
                {!(r.revision === row.publishedRevision && row.state === 'published') && (
                  <button
                    type="button"
                    onClick={() => void publish(r.revision)}
                    data-testid="articles-revision-publish"
                  >
                    {t('admin.articles.revisions.publishThis')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {shown !== null && (
        <div className="card" data-testid="articles-revision-shown">
          <h4>{t('admin.articles.revisions.shown', { revision: shown.revision })}</h4>
          <p>{shown.title}</p>
          <pre className="pre">{shown.body}</pre>
        </div>
      )}
    </Section>
  );
}

function EditArticle({ view, onSaved }: { view: AdminArticle; onSaved: (next: AdminArticle, said: string) => void }) {
  const { t } = useT();
  const [form, setForm] = useState<ArticleForm>(() => formOf(view.article));
  const [error, setError] = useState<ShownError | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // The revision this editor was opened on: a save after someone else's is refused, not lost.
    const body = { ...contentOf(form, view.article.signatures), baseRevision: view.row.revision };
    const refused = refusalOf(ArticleUpdateSchema, body);
    if (refused !== null) {
      setError(refused);
      return;
    }
    adminCall('adminArticleUpdate', { params: { id: view.row.id }, body }).then(
      (next) => {
        setError(null);
        onSaved(next, t('admin.articles.record.saved', { revision: next.row.revision }));
      },
      (err: unknown) => setError(toShownError(err)),
    );
  };
  return (
    <form className="form card" onSubmit={submit} data-testid="articles-edit">
      <h3>{t('admin.articles.record.editTitle')}</h3>
      <ArticleFields form={form} onChange={setForm} testId="articles-edit" />
      {error !== null && <ErrorNotice error={error} testId="articles-edit-error" />}
      <button type="submit" data-testid="articles-edit-save">
        {t('admin.articles.record.save')}
      </button>
    </form>
  );
}

function WithdrawArticle({
  id,
  onDone,
  onRefused,
}: {
  id: string;
  onDone: (next: AdminArticle, said: string) => void;
  onRefused: (e: unknown) => void;
}) {
  const { t } = useT();
  const [reason, setReason] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    adminCall('adminArticleWithdraw', { params: { id }, body: { reason } }).then(
      (next) => onDone(next, t('admin.articles.record.withdrawnDone')),
      onRefused,
    );
  };
  return (
    <form className="form card" onSubmit={submit} data-testid="articles-withdraw">
      <label>
        {t('admin.articles.record.withdrawReason')}
        <input value={reason} onChange={(e) => setReason(e.target.value)} data-testid="articles-withdraw-reason" />
      </label>
      <button type="submit" data-testid="articles-withdraw-submit">
        {t('admin.articles.record.withdraw')}
      </button>
    </form>
  );
}
