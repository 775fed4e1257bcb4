/**
 * A back-office list: a search box, one page of rows and the way to the next. The search is sent as the user stops
 * typing; the page is asked again from the portal, so ten thousand records page as quickly as ten.
 */
import { useEffect, useState, type ReactNode } from 'react';
import type { Page } from '../../../../shared/contracts/admin/paging.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Pending } from '../../components/Section.js';
import { useT } from '../../i18n/index.js';
import { toShownError, type ShownError } from '../../lib/errors.js';

export interface Column<T> {
  header: string;
  cell: (item: T) => ReactNode;
  /** The first column heads its row for screen readers. */
  rowHeader?: boolean;
}

export interface ListQuery {
  q: string;
  offset: number;
  limit: number;
}

const PAGE_SIZE = 25;
const TYPING_PAUSE_MS = 250;

export function PagedList<T>({
  load,
  columns,
  keyOf,
  testId,
  reloadKey,
  searchPlaceholder,
}: {
  load: (query: ListQuery) => Promise<Page<T>>;
  columns: readonly Column<T>[];
  keyOf: (item: T) => string;
  testId: string;
  /** Changing it loads the page again (after a form saved). */
  reloadKey?: unknown;
  searchPlaceholder?: string;
}) {
  const { t } = useT();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<Page<T> | null>(null);
  const [error, setError] = useState<ShownError | null>(null);

  useEffect(() => {
    const timer = setTimeout(() => {
      setQ(typed.trim());
      setOffset(0);
    }, TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [typed]);

  useEffect(() => {
    let current = true;
    load({ q, offset, limit: PAGE_SIZE }).then(
      (p) => {
        if (!current) return;
        setPage(p);
        setError(null);
      },
      (e: unknown) => {
        if (current) setError(toShownError(e));
      },
    );
    return () => {
      current = false;
    };
    // `load` is a new function on every render of the caller; what it asks for is in q, offset and reloadKey.
  }, [q, offset, reloadKey]);

  const first = page === null || page.total === 0 ? 0 : page.offset + 1;
  const last = page === null ? 0 : page.offset + page.items.length;
  return (
    <div className="stack" data-testid={testId}>
      <label className="inline-field">
        <span>{t('admin.console.search')}</span>
        <input
          type="search"
          value={typed}
          placeholder={searchPlaceholder ?? t('admin.console.searchPlaceholder')}
          onChange={(e) => setTyped(e.target.value)}
          data-testid={`${testId}-search`}
        />
      </label>
      {error !== null && <ErrorNotice error={error} />}
      {page === null && error === null && <Pending what={t('admin.console.pending')} />}
      {page !== null && page.items.length === 0 && <p className="muted">{t('admin.console.empty')}</p>}
      {page !== null && page.items.length > 0 && (
        <table className="table compact">
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.header} scope="col">
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {page.items.map((item) => (
              <tr key={keyOf(item)} data-testid={`${testId}-row`}>
                {columns.map((c) =>
                  c.rowHeader === true ? (
                    <th key={c.header} scope="row">
                      {c.cell(item)}
                    </th>
                  ) : (
                    <td key={c.header}>{c.cell(item)}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {page !== null && page.total > 0 && (
        <div className="row-actions">
          <span className="muted small" role="status">
            {t('admin.console.pageRange', { first, last, total: page.total })}
          </span>
          <button
            type="button"
            className="secondary"
            disabled={page.offset === 0}
            onClick={() => setOffset(Math.max(0, page.offset - PAGE_SIZE))}
          >
            {t('admin.console.previous')}
          </button>
          <button
            type="button"
            className="secondary"
            disabled={last >= page.total}
            onClick={() => setOffset(page.offset + PAGE_SIZE)}
          >
            {t('admin.console.next')}
          </button>
        </div>
      )}
    </div>
  );
}
