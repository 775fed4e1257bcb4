/**
 * One published article: what it is about, the body through the safe Markdown reader, and related articles. A
 * withdrawn article answers with the portal's notice (when and why, and what to do); an unknown one says so.
 */
import { useEffect } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Markdown, scrollToSection } from '../../components/Markdown.js';
import { Pending } from '../../components/Section.js';
import { useT } from '../../i18n/index.js';
import { formatDateTime } from '../../lib/format.js';
import { hrefOf } from '../../lib/routes.js';
import { useSelfHelp } from '../../selfhelp/use-selfhelp.js';
import { AppliesTo, CodedNotice, SourceBadge } from './parts.js';

export function ArticleScreen({ id, section }: { id: string; section?: string | undefined }) {
  const { t } = useT();
  const view = useSelfHelp('kbArticle', { params: { id } }, id);
  const loaded = view.data !== null;

  useEffect(() => {
    if (loaded && section !== undefined) scrollToSection(section);
  }, [loaded, section]);

  const code = view.error?.code;
  return (
    <div className="screen" data-testid="selfhelp-article">
      <p className="breadcrumb">
        <a href={hrefOf({ name: 'selfhelp' })}>{t('app.selfhelp.title')}</a> / {t('app.selfhelp.article.crumb')}
      </p>
      {view.loading && !loaded && <Pending what={t('app.selfhelp.article.pending')} />}
      {view.error !== null && code === 'ARTICLE_WITHDRAWN' && (
        <>
          <h2 className="screen-title">{t('app.selfhelp.article.withdrawnTitle')}</h2>
          <CodedNotice error={view.error} testId="article-withdrawn" />
          <p>
            <a href={hrefOf({ name: 'selfhelp' })}>{t('app.selfhelp.article.searchAgain')}</a>
          </p>
        </>
      )}
      {view.error !== null && code === 'NOT_FOUND' && (
        <>
          <h2 className="screen-title">{t('app.selfhelp.article.notFoundTitle')}</h2>
          <CodedNotice error={view.error} testId="article-not-found" />
          <p>
            <a href={hrefOf({ name: 'selfhelp' })}>{t('app.selfhelp.article.searchAgain')}</a>
          </p>
        </>
      )}
      {view.error !== null && code !== 'ARTICLE_WITHDRAWN' && code !== 'NOT_FOUND' && (
        <ErrorNotice error={view.error} />
      )}
      {view.data !== null && (
        <article className="card kb-article" aria-labelledby="kb-article-title" lang={view.data.article.locale}>
          <h2 id="kb-article-title" className="screen-title">
            {view.data.article.title}
          </h2>
          <p className="kb-hit-meta">
            <SourceBadge source="article" kind={view.data.article.kind} />{' '}
            <AppliesTo product={view.data.article.product} versions={view.data.article.versions} />{' '}
            <span className="muted small">
              {t('app.selfhelp.article.updated', {
                date: formatDateTime(view.data.article.updatedAt),
                revision: view.data.revision,
              })}
            </span>
          </p>
          <Markdown source={view.data.article.body} testId="article-body" />
        </article>
      )}
      {view.data !== null && view.data.related.length > 0 && (
        <section className="card" aria-labelledby="kb-related" data-testid="related-articles">
          <h2 id="kb-related">{t('app.selfhelp.article.related')}</h2>
          <ul>
            {view.data.related.map((a) => (
              <li key={a.id}>
                <a href={hrefOf({ name: 'selfhelp-article', id: a.id })}>{a.title}</a>{' '}
                <AppliesTo product={a.product} versions={a.versions} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
