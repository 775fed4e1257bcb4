/**
 * The vendor's reports: one address per report (`#/console/reports/<kind>`), a range of months and an optional
 * customer, the report's tables as the command line prints them (shared/reports/report-tables.ts), and a CSV of each.
 */
import { useEffect, useState } from 'react';
import {
  REPORT_ENDPOINTS,
  REPORT_KINDS,
  type ReportKind,
  type ReportOf,
} from '../../../../../shared/contracts/admin/reports.js';
import { reportPeriod } from '../../../../../shared/domain/report-period.js';
import { formatMonth } from '../../../../../shared/i18n/format-amounts.js';
import { reportCsv, reportTables, type ReportTable } from '../../../../../shared/reports/report-tables.js';
import { ErrorNotice } from '../../../components/ErrorNotice.js';
import { Pending, Section } from '../../../components/Section.js';
import { adminCall } from '../../../console/admin-call.js';
import { useT } from '../../../i18n/index.js';
import { toShownError, type ShownError } from '../../../lib/errors.js';
import { hrefOf } from '../../../lib/routes.js';
import { csvBlobParts, reportFileName } from './report-file.js';

interface Filter {
  from: string;
  to: string;
  customer: string;
}

function isKind(value: string | undefined): value is ReportKind {
  return (REPORT_KINDS as readonly string[]).includes(value ?? '');
}

async function load(kind: ReportKind, filter: Filter): Promise<ReportOf[ReportKind]> {
  const query = {
    from: filter.from,
    to: filter.to,
    ...(filter.customer.trim() === '' ? {} : { customer: filter.customer.trim() }),
  };
  return adminCall(REPORT_ENDPOINTS[kind], { query });
}

function download(kind: ReportKind, table: ReportTable<never>, report: { from: string; to: string }): void {
  const url = URL.createObjectURL(new Blob(csvBlobParts(reportCsv(table)), { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = reportFileName(kind, table.id, report.from, report.to);
  link.click();
  // The click has handed the bytes over; the URL is not needed after this turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function ReportsArea({ kind: asked }: { kind?: string | undefined }) {
  const { t, locale } = useT();
  const kind: ReportKind = isKind(asked) ? asked : 'sla';
  const initial = reportPeriod({}, new Date());
  const [form, setForm] = useState<Filter>({ from: initial.from, to: initial.to, customer: '' });
  const [asking, setAsking] = useState<Filter>(form);
  const [report, setReport] = useState<ReportOf[ReportKind] | null>(null);
  const [error, setError] = useState<ShownError | null>(null);

  useEffect(() => {
    let current = true;
    setReport(null);
    setError(null);
    load(kind, asking).then(
      (r) => {
        if (current) setReport(r);
      },
      (e: unknown) => {
        if (current) setError(toShownError(e));
      },
    );
    return () => {
      current = false;
    };
  }, [kind, asking]);

  const show = (): void => {
    try {
      // The portal's own rule, checked here first so a wrong month is named before anything is sent.
      reportPeriod({ from: form.from, to: form.to }, new Date());
      setAsking({ ...form });
    } catch (e) {
      setError(toShownError(e));
    }
  };

  const tables = report === null ? [] : reportTables(kind, report, locale);
  return (
    <Section title={t('admin.reports.title')} testId="reports">
      <nav aria-label={t('admin.reports.kindsLabel')}>
        <ul className="console-areas">
          {REPORT_KINDS.map((k) => (
            <li key={k}>
              <a
                href={hrefOf({ name: 'console', area: 'reports', id: k })}
                aria-current={k === kind ? 'page' : undefined}
                data-testid={`reports-kind-${k}`}
              >
                {t(`admin.reports.kind.${k}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <p className="muted small">{t(`admin.reports.hint.${kind}`)}</p>
      <form
        className="row-actions"
        onSubmit={(e) => {
          e.preventDefault();
          show();
        }}
        data-testid="reports-filter"
      >
        <label className="inline-field">
          <span>{t('admin.reports.from')}</span>
          <input
            type="month"
            value={form.from}
            onChange={(e) => setForm({ ...form, from: e.target.value })}
            data-testid="reports-from"
          />
        </label>
        <label className="inline-field">
          <span>{t('admin.reports.to')}</span>
          <input
            type="month"
            value={form.to}
            onChange={(e) => setForm({ ...form, to: e.target.value })}
            data-testid="reports-to"
          />
        </label>
        <label className="inline-field">
          <span>{t('admin.reports.customer')}</span>
          <input
            type="text"
            value={form.customer}
            translate="no"
            onChange={(e) => setForm({ ...form, customer: e.target.value })}
            data-testid="reports-customer"
          />
        </label>
        <button type="submit" data-testid="reports-show">
          {t('admin.reports.show')}
        </button>
      </form>
      <p className="muted small">{t('admin.reports.zone')}</p>
      {error !== null && <ErrorNotice error={error} />}
      {report === null && error === null && <Pending what={t('admin.reports.pending')} />}
      {report !== null && (
        <p className="small" data-testid="reports-period">
          {t('admin.reports.period', { from: formatMonth(locale, report.from), to: formatMonth(locale, report.to) })}
        </p>
      )}
      {report !== null &&
        tables.map((table, i) => (
          <div className="stack" key={table.id} data-testid={`reports-table-${table.id}`}>
            {i > 0 && <h3>{t('admin.reports.comments')}</h3>}
            {table.rows.length === 0 ? (
              <p className="muted">{t(i > 0 ? 'admin.reports.noComments' : 'admin.reports.empty')}</p>
            ) : (
              <>
                <div className="report-scroll">
                  <table className="table compact">
                    <thead>
                      <tr>
                        {table.columns.map((c) => (
                          <th key={c.id} scope="col" className={c.numeric === true ? 'report-number' : undefined}>
                            {c.header}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {table.rows.map((row, r) => (
                        <tr key={r} data-testid={`reports-row-${table.id}`}>
                          {table.columns.map((c) => (
                            <td
                              key={c.id}
                              className={c.numeric === true ? 'report-number' : undefined}
                              translate={c.data === true ? 'no' : undefined}
                              data-column={c.id}
                            >
                              {c.text(row)}
                            </td>
                          ))}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                <div className="row-actions">
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => download(kind, table, report)}
                    data-testid={`reports-csv-${table.id}`}
                  >
                    {t('admin.reports.downloadCsv')}
                  </button>
                </div>
              </>
            )}
          </div>
        ))}
    </Section>
  );
}

export function ReportsList() {
  return <ReportsArea />;
}

export function ReportRecord({ id }: { id: string }) {
  return <ReportsArea kind={id} />;
}
