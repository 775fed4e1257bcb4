/** The newest articles for the system's product and installed version, so its documents are one click away. */
import { Pending, Section } from '../../components/Section.js';
import { useT } from '../../i18n/index.js';
import { productLabel } from '../../lib/format.js';
import { plainRuns } from '../../selfhelp/Highlighted.js';
import { sourceHref } from '../../selfhelp/links.js';
import { readMoreHref } from '../../selfhelp/read-more.js';
import { useSelfHelp } from '../../selfhelp/use-selfhelp.js';
import { SourceBadge } from '../selfhelp/parts.js';

const SHOWN = 5;

export function ArticlesForSystem({ product, version }: { product: string; version: string | null }) {
  const { t } = useT();
  const query = { q: '', product, ...(version === null ? {} : { version }), limit: SHOWN };
  const found = useSelfHelp('kbSearch', { query }, JSON.stringify(query));
  return (
    <Section
      title={t('app.selfhelp.links.systemHeading')}
      testId="system-articles"
      className="articles-for-system"
      actions={
        <a href={readMoreHref(product, '', version)}>
          {t('app.selfhelp.links.systemAll', { product: productLabel(product) })}
        </a>
      }
    >
      {found.loading && found.data === null && <Pending what={t('app.selfhelp.search.pending')} />}
      {/* Self-help being unreachable must not spoil the system page: the section then just says nothing was found. */}
      {(found.error !== null || found.data?.hits.length === 0) && (
        <p className="muted">{t('app.selfhelp.links.systemEmpty')}</p>
      )}
      {found.data !== null && found.data.hits.length > 0 && (
        <ul>
          {found.data.hits.map((hit) => (
            <li key={`${hit.source}:${hit.id}`}>
              <a href={sourceHref(hit)}>{plainRuns(hit.title)}</a> <SourceBadge source={hit.source} kind={hit.kind} />
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
