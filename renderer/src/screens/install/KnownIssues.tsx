/**
 * Known issues that match a failure: shown before any request, since one may already hold the fix. Each links to its
 * article in self-help, where related articles are one click away.
 */
import type { KnowledgeArticle } from '../../../../shared/contracts/knowledge.js';
import { Markdown } from '../../components/Markdown.js';
import { useT } from '../../i18n/index.js';
import { hrefOf } from '../../lib/routes.js';

export function KnownIssues({
  articles,
  collapsed = false,
}: {
  articles: readonly KnowledgeArticle[];
  collapsed?: boolean;
}) {
  const { t } = useT();
  if (articles.length === 0) return null;
  return (
    <div className="known-issues" data-testid="known-issues">
      <h3>{t('app.install.knownIssues.heading', { count: articles.length })}</h3>
      {articles.map((a) => {
        const body = (
          <>
            {a.versions !== null && (
              <p className="muted small">{t('app.install.knownIssues.appliesTo', { versions: a.versions })}</p>
            )}
            <div className="article-body">
              <Markdown source={a.body} />
            </div>
            <p>
              <a href={hrefOf({ name: 'selfhelp-article', id: a.id })} data-testid="known-issue-article">
                {t('app.selfhelp.links.readArticle')}
              </a>
            </p>
          </>
        );
        return (
          <article key={a.id} className="known-issue" aria-labelledby={`ki-${a.id}`}>
            {collapsed ? (
              <details>
                <summary id={`ki-${a.id}`}>{a.title}</summary>
                {body}
              </details>
            ) : (
              <>
                <h4 id={`ki-${a.id}`}>{a.title}</h4>
                {body}
              </>
            )}
          </article>
        );
      })}
    </div>
  );
}
