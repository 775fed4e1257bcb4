/** The community's questions, newest first: by words, product, state, or only the reader's own. */
import { useEffect, useId, useRef, useState } from 'react';
import { QUESTION_STATES, type CommunityQuestion } from '../../../../shared/contracts/selfhelp/community.js';
import { Badge } from '../../components/Badge.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Pending } from '../../components/Section.js';
import { useT } from '../../i18n/index.js';
import { formatDateTime } from '../../lib/format.js';
import { hrefOf, type RouteOf } from '../../lib/routes.js';
import { authorWords } from '../../selfhelp/author-words.js';
import { useDebounced, useSelfHelp } from '../../selfhelp/use-selfhelp.js';
import { useSession } from '../../state/session.js';
import { Pager, ProductField, productAndVersion, useKnownProducts } from './parts.js';
import { SelfHelpTabs } from './SelfHelpTabs.js';

const PAGE = 20;
type QuestionState = (typeof QUESTION_STATES)[number];
const isState = (s: string | undefined): s is QuestionState => (QUESTION_STATES as readonly string[]).includes(s ?? '');

function replaceList(
  route: RouteOf<'selfhelp-community'>,
  change: { q?: string; product?: string; state?: string; mine?: boolean },
): void {
  const next: RouteOf<'selfhelp-community'> = { name: 'selfhelp-community' };
  for (const k of ['q', 'product', 'state'] as const) {
    const value = k in change ? change[k] : route[k];
    if (value !== undefined && value !== '') next[k] = value;
  }
  if ((change.mine ?? route.mine) === true) next.mine = true;
  window.location.replace(hrefOf(next));
}

export function StateBadge({ state }: { state: QuestionState }) {
  const { t } = useT();
  return (
    <Badge tone={state === 'accepted' ? 'ok' : state === 'answered' ? 'info' : 'neutral'}>
      {t(`app.selfhelp.community.state.${state}`)}
    </Badge>
  );
}

function Row({ question }: { question: CommunityQuestion }) {
  const { t } = useT();
  return (
    <li className="kb-hit" data-testid="community-question" data-id={question.id}>
      <h3>
        <a href={hrefOf({ name: 'selfhelp-question', id: question.id })}>{question.title}</a>
      </h3>
      <p className="kb-hit-meta">
        <StateBadge state={question.state} />
        {question.hidden !== null && <Badge tone="blocked">{t('app.selfhelp.community.hidden')}</Badge>}{' '}
        <span className="muted small">
          {t('app.selfhelp.community.line', {
            product: productAndVersion(question.product, question.version),
            answers: question.answers,
            author: authorWords(question.author, t),
            date: formatDateTime(question.createdAt),
          })}
        </span>
      </p>
    </li>
  );
}

export function CommunityScreen({ route }: { route: RouteOf<'selfhelp-community'> }) {
  const { t } = useT();
  const { role } = useSession();
  const products = useKnownProducts(role);
  const id = useId();
  const [text, setText] = useState(route.q ?? '');
  const [offset, setOffset] = useState(0);
  const settled = useDebounced(text, 300);
  const routeNow = useRef(route);
  routeNow.current = route;
  useEffect(() => {
    if (settled !== (routeNow.current.q ?? '')) replaceList(routeNow.current, { q: settled });
  }, [settled]);
  useEffect(() => setOffset(0), [route.q, route.product, route.state, route.mine]);

  const query = {
    ...(route.q === undefined ? {} : { q: route.q }),
    ...(route.product === undefined ? {} : { product: route.product }),
    ...(isState(route.state) ? { state: route.state } : {}),
    ...(route.mine === true ? { mine: 'true' as const } : {}),
    offset,
    limit: PAGE,
  };
  const list = useSelfHelp('communityQuestions', { query }, JSON.stringify(query));
  const asks = role === 'customer-admin' || role === 'it-staff';

  return (
    <div className="screen" data-testid="selfhelp-community">
      <SelfHelpTabs current="community" />
      {asks && (
        <p>
          <a
            className="button-link"
            href={hrefOf({
              name: 'selfhelp-new-question',
              ...(route.product === undefined ? {} : { product: route.product }),
            })}
            data-testid="community-ask-link"
          >
            {t('app.selfhelp.community.ask')}
          </a>
        </p>
      )}
      <form className="card selfhelp-filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor={`${id}-q`} className="field selfhelp-q">
          <span>{t('app.selfhelp.community.searchLabel')}</span>
          <input id={`${id}-q`} type="search" value={text} onChange={(e) => setText(e.target.value)} />
        </label>
        <ProductField
          label={t('app.selfhelp.filter.product')}
          value={route.product ?? ''}
          products={products}
          onChange={(product) => replaceList(route, { product })}
        />
        <label htmlFor={`${id}-state`} className="field">
          <span>{t('app.selfhelp.community.stateLabel')}</span>
          <select
            id={`${id}-state`}
            value={isState(route.state) ? route.state : ''}
            onChange={(e) => replaceList(route, { state: e.target.value })}
          >
            <option value="">{t('app.selfhelp.community.anyState')}</option>
            {QUESTION_STATES.map((s) => (
              <option key={s} value={s}>
                {t(`app.selfhelp.community.state.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="inline">
          <input
            type="checkbox"
            checked={route.mine === true}
            onChange={(e) => replaceList(route, { mine: e.target.checked })}
          />{' '}
          {t('app.selfhelp.community.mine')}
        </label>
      </form>
      <section className="card" aria-labelledby={`${id}-list`}>
        <h2 id={`${id}-list`}>{t('app.selfhelp.community.listHeading')}</h2>
        {list.loading && list.data === null && <Pending what={t('app.selfhelp.community.pending')} />}
        {list.error !== null && <ErrorNotice error={list.error} />}
        {list.data !== null &&
          (list.data.items.length === 0 ? (
            <p className="empty" data-testid="community-empty">
              {t('app.selfhelp.community.empty')}
            </p>
          ) : (
            <ul className="kb-hits">
              {list.data.items.map((q) => (
                <Row key={q.id} question={q} />
              ))}
            </ul>
          ))}
        {list.data !== null && <Pager offset={offset} limit={PAGE} total={list.data.total} onOffset={setOffset} />}
      </section>
    </div>
  );
}
