/** Pieces the self-help screens share: source badges, the product choice, paging and the coded notices. */
import { useEffect, useId, useSyncExternalStore } from 'react';
import type { ArticleKind, KbSource } from '../../../../shared/contracts/knowledge.js';
import type { Role } from '../../../../shared/domain/request-state.js';
import { Badge } from '../../components/Badge.js';
import { useT } from '../../i18n/index.js';
import { shownText, type ShownError } from '../../lib/errors.js';
import { productLabel } from '../../lib/format.js';
import { systemsResource } from '../../state/resources.js';

export function SourceBadge({ source, kind }: { source: KbSource; kind: ArticleKind | null }) {
  const { t } = useT();
  if (source === 'community') return <Badge tone="ok">{t('app.selfhelp.source.community')}</Badge>;
  return <Badge tone="info">{kind === null ? t('app.selfhelp.source.article') : t(`app.selfhelp.kind.${kind}`)}</Badge>;
}

/** "Cobalt 4.2.1" / "Cobalt, versions ^4" / "All products": what an article or a hit applies to. */
export function AppliesTo({ product, versions }: { product: string | null; versions: string | null }) {
  const { t } = useT();
  const name = product === null ? t('app.selfhelp.allProducts') : productLabel(product);
  return (
    <span className="muted small">
      {versions === null ? name : t('app.selfhelp.productVersions', { product: name, versions })}
    </span>
  );
}

export const productAndVersion = (product: string, version: string | null): string =>
  version === null ? productLabel(product) : `${productLabel(product)} ${version}`;

/** The products of the customer's systems, offered as suggestions; vendor staff type any product. */
export function useKnownProducts(role: Role | null): string[] {
  const customer = role === 'customer-admin' || role === 'it-staff';
  const systems = useSyncExternalStore(systemsResource.subscribe, systemsResource.get);
  useEffect(() => {
    if (customer) systemsResource.ensure();
  }, [customer]);
  if (!customer || systems.data === null) return [];
  return [...new Set(systems.data.map((s) => s.product))].sort();
}

export function ProductField({
  value,
  onChange,
  products,
  label,
}: {
  value: string;
  onChange: (value: string) => void;
  products: readonly string[];
  label: string;
}) {
  const id = useId();
  return (
    <label htmlFor={`${id}-product`} className="field">
      <span>{label}</span>
      <input
        id={`${id}-product`}
        list={`${id}-products`}
        value={value}
        autoComplete="off"
        onChange={(e) => onChange(e.target.value.trim().toLowerCase())}
      />
      <datalist id={`${id}-products`}>
        {products.map((p) => (
          <option key={p} value={p}>
            {productLabel(p)}
          </option>
        ))}
      </datalist>
    </label>
  );
}

export function Pager({
  offset,
  limit,
  total,
  onOffset,
}: {
  offset: number;
  limit: number;
  total: number;
  onOffset: (offset: number) => void;
}) {
  const { t } = useT();
  if (total <= limit) return null;
  return (
    <nav className="pager" aria-label={t('app.selfhelp.pager.label')}>
      <button
        type="button"
        className="secondary"
        disabled={offset === 0}
        onClick={() => onOffset(Math.max(0, offset - limit))}
      >
        {t('app.selfhelp.pager.previous')}
      </button>
      <span className="muted" role="status">
        {t('app.selfhelp.pager.showing', { from: offset + 1, to: Math.min(total, offset + limit), total })}
      </span>
      <button
        type="button"
        className="secondary"
        disabled={offset + limit >= total}
        onClick={() => onOffset(offset + limit)}
      >
        {t('app.selfhelp.pager.next')}
      </button>
    </nav>
  );
}

/** A coded refusal that is an answer, not a failure (a withdrawn article, a question refused): message and remedy. */
export function CodedNotice({ error, testId }: { error: ShownError; testId: string }) {
  const { locale } = useT();
  const { message, remedy } = shownText(locale, error);
  return (
    <div className="notice notice-warn" role="status" data-testid={testId}>
      <strong>{message}</strong>
      {remedy !== undefined && <p>{remedy}</p>}
      {error.code !== undefined && <code className="error-code">{error.code}</code>}
    </div>
  );
}
