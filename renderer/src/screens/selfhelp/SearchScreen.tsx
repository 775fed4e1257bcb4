/**
 * Self-help's search: words and filters in, the published articles and accepted community answers that match out,
 * best first, with the words marked. The address holds the search, so it can be linked to, reloaded and shared.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { ARTICLE_KINDS, type ArticleKind } from '../../../../shared/contracts/knowledge.js';
import type { KbHit } from '../../../../shared/contracts/selfhelp/kb.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Pending } from '../../components/Section.js';
import { useT } from '../../i18n/index.js';
import { formatDateTime } from '../../lib/format.js';
import { hrefOf, type RouteOf } from '../../lib/routes.js';
import { Highlighted } from '../../selfhelp/Highlighted.js';
import { sourceHref } from '../../selfhelp/links.js';
import { useDebounced, useSelfHelp } from '../../selfhelp/use-selfhelp.js';
import { useSession } from '../../state/session.js';
import { AppliesTo, Pager, ProductField, SourceBadge, useKnownProducts } from './parts.js';
import { SelfHelpTabs } from './SelfHelpTabs.js';

const PAGE = 10;
/** Long enough to let a word be finished, short enough to feel immediate. */
const TYPING_PAUSE_MS = 300;

const isKind = (k: string | undefined): k is ArticleKind => (ARTICLE_KINDS as readonly string[]).includes(k ?? '');

/** The address of this search with some of its fields changed; replaced, so typing leaves no trail in the history. */
function replaceSearch(route: RouteOf<'selfhelp'>, change: Partial<RouteOf<'selfhelp'>>): void {
  const next = { ...route, ...change };
  for (const k of ['q', 'product', 'version', 'kind'] as const) if (next[k] === '') delete next[k];
  window.location.replace(hrefOf(next));
}

function Hit({ hit }: { hit: KbHit }) {
  const { t } = useT();
  return (
    <li className="kb-hit" data-testid="kb-hit" data-id={hit.id} data-source={hit.source}>
      <h3>
        <a href={sourceHref(hit)}>
          <Highlighted runs={hit.title} />
        </a>
      </h3>
      <p className="kb-hit-meta">
        <SourceBadge source={hit.source} kind={hit.kind} /> <AppliesTo product={hit.product} versions={hit.versions} />{' '}
        <span className="muted small">{t('app.selfhelp.updated', { date: formatDateTime(hit.updatedAt) })}</span>
      </p>
      {hit.heading !== null && <p className="small kb-hit-heading">{hit.heading}</p>}
      <p className="kb-snippet">
        <Highlighted runs={hit.snippet} />
      </p>
    </li>
  );
}

export function SearchScreen({ route }: { route: RouteOf<'selfhelp'> }) {
  const { t } = useT();
  const { role } = useSession();
  const products = useKnownProducts(role);
  const id = useId();
  const [text, setText] = useState(route.q ?? '');
  const [offset, setOffset] = useState(0);
  const settled = useDebounced(text, TYPING_PAUSE_MS);
  // What this screen last wrote into the address, to tell it from a search opened by a link.
  const written = useRef(route.q ?? '');

  // Only a pause in typing writes the address; a link that changes the search must not be overwritten by old text.
  const routeNow = useRef(route);
  routeNow.current = route;
  useEffect(() => {
    if (settled === (routeNow.current.q ?? '')) return;
    written.current = settled;
    replaceSearch(routeNow.current, { q: settled });
  }, [settled]);
  useEffect(() => {
    if ((route.q ?? '') !== written.current) setText(route.q ?? '');
    written.current = route.q ?? '';
  }, [route.q]);
  useEffect(() => setOffset(0), [route.q, route.product, route.version, route.kind]);

  const query = {
    q: route.q ?? '',
    ...(route.product === undefined ? {} : { product: route.product }),
    ...(route.version === undefined ? {} : { version: route.version }),
    ...(isKind(route.kind) ? { kind: route.kind } : {}),
    offset,
    limit: PAGE,
  };
  const result = useSelfHelp('kbSearch', { query }, JSON.stringify(query));

  return (
    <div className="screen" data-testid="selfhelp-search">
      <SelfHelpTabs current="search" />
      <form className="card selfhelp-filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor={`${id}-q`} className="field selfhelp-q">
          <span>{t('app.selfhelp.search.label')}</span>
          <input
            id={`${id}-q`}
            type="search"
            value={text}
            placeholder={t('app.selfhelp.search.placeholder')}
            onChange={(e) => setText(e.target.value)}
            data-testid="kb-search-input"
          />
        </label>
        <ProductField
          label={t('app.selfhelp.filter.product')}
          value={route.product ?? ''}
          products={products}
          onChange={(product) => replaceSearch(route, { product })}
        />
        <label htmlFor={`${id}-version`} className="field">
          <span>{t('app.selfhelp.filter.version')}</span>
          <input
            id={`${id}-version`}
            value={route.version ?? ''}
            onChange={(e) => replaceSearch(route, { version: e.target.value.trim() })}
          />
        </label>
        <label htmlFor={`${id}-kind`} className="field">
          <span>{t('app.selfhelp.filter.kind')}</span>
          <select
            id={`${id}-kind`}
            value={isKind(route.kind) ? route.kind : ''}
            onChange={(e) => replaceSearch(route, { kind: e.target.value })}
          >
            <option value="">{t('app.selfhelp.filter.anyKind')}</option>
            {ARTICLE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`app.selfhelp.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
      </form>
      <section className="card" aria-labelledby={`${id}-results`}>
        <h2 id={`${id}-results`} className="visually-hidden">
          {t('app.selfhelp.search.results')}
        </h2>
        {result.loading && result.data === null && <Pending what={t('app.selfhelp.search.pending')} />}
        {result.error !== null && <ErrorNotice error={result.error} />}
        {result.data !== null && (
          <>
            <p className="muted" role="status" data-testid="kb-total">
              {route.q === undefined
                ? t('app.selfhelp.search.newest', { total: result.data.total })
                : t('app.selfhelp.search.total', { total: result.data.total, q: route.q })}
            </p>
            {result.data.hits.length === 0 ? (
              <div className="empty" data-testid="kb-empty">
                <p>{t('app.selfhelp.search.empty')}</p>
                <p>
                  <a href={hrefOf({ name: 'selfhelp-ask', ...(route.q === undefined ? {} : { q: route.q }) })}>
                    {t('app.selfhelp.search.tryAsk')}
                  </a>{' '}
                  ·{' '}
                  <a
                    href={hrefOf({
                      name: 'selfhelp-new-question',
                      ...(route.product === undefined ? {} : { product: route.product }),
                    })}
                  >
                    {t('app.selfhelp.search.tryCommunity')}
                  </a>
                </p>
              </div>
            ) : (
              <ol className="kb-hits" aria-label={t('app.selfhelp.search.results')}>
                {result.data.hits.map((hit) => (
                  <Hit key={`${hit.source}:${hit.id}`} hit={hit} />
                ))}
              </ol>
            )}
            <Pager offset={offset} limit={PAGE} total={result.data.total} onOffset={setOffset} />
          </>
        )}
      </section>
    </div>
  );
}
