/**
 * The vendor's reports as tables: the same columns, words and figures in the console and at the command line, and
 * the same CSV from both. Each column has the text a person reads (numbers, sizes, durations and months in the
 * reader's language) and the value a spreadsheet gets (plain numbers, ISO months and instants, minutes).
 */
import type {
  DownloadReport,
  ReportKind,
  ReportOf,
  RequestReport,
  SlaReport,
  SurveyReport,
} from '../contracts/admin/reports.js';
import { toCsv } from '../csv.js';
import { productLabel } from '../domain/product-label.js';
import { REQUEST_STATES } from '../domain/request-state.js';
import { PRIORITIES } from '../domain/sla.js';
import { formatInstant, formatNumber } from '../i18n/format.js';
import { formatBytesIn, formatDurationIn, formatMonth } from '../i18n/format-amounts.js';
import type { DisplayLocale } from '../i18n/locales.js';
import { translator } from '../i18n/translator.js';

export interface ReportColumn<R> {
  /** Stable, for test ids and keys. */
  id: string;
  header: string;
  /** The header in a CSV file, when the value there has a unit the screen's text does not need to name. */
  csvHeader?: string;
  text: (row: R) => string;
  csv: (row: R) => string | number | null;
  /** A count or amount: right-aligned on screen. */
  numeric?: boolean;
  /** Data people typed or ids (names, serials, comments): never machine-translated. */
  data?: boolean;
}

export interface ReportTable<R> {
  id: string;
  columns: readonly ReportColumn<R>[];
  rows: readonly R[];
}

/** Minutes to one decimal: what a spreadsheet sums and sorts. */
function minutes(ms: number | null): number | null {
  return ms === null ? null : Math.round(ms / 6000) / 10;
}

function slaTable(report: SlaReport, locale: DisplayLocale): ReportTable<SlaReport['rows'][number]> {
  const t = translator(locale);
  const n = (v: number) => formatNumber(locale, v);
  const d = (v: number | null) => (v === null ? '—' : formatDurationIn(locale, v));
  return {
    id: 'sla',
    rows: report.rows,
    columns: [
      {
        id: 'month',
        header: t('admin.reports.column.month'),
        text: (r) => formatMonth(locale, r.month),
        csv: (r) => r.month,
      },
      { id: 'priority', header: t('admin.reports.column.priority'), text: (r) => r.priority, csv: (r) => r.priority },
      {
        id: 'accepted',
        header: t('admin.reports.column.accepted'),
        text: (r) => n(r.accepted),
        csv: (r) => r.accepted,
        numeric: true,
      },
      { id: 'met', header: t('admin.reports.column.met'), text: (r) => n(r.met), csv: (r) => r.met, numeric: true },
      {
        id: 'breached',
        header: t('admin.reports.column.breached'),
        text: (r) => n(r.breached),
        csv: (r) => r.breached,
        numeric: true,
      },
      {
        id: 'running',
        header: t('admin.reports.column.running'),
        text: (r) => n(r.running),
        csv: (r) => r.running,
        numeric: true,
      },
      {
        id: 'median',
        header: t('admin.reports.column.median'),
        csvHeader: t('admin.reports.column.medianMinutes'),
        text: (r) => d(r.medianResponseMs),
        csv: (r) => minutes(r.medianResponseMs),
        numeric: true,
      },
      {
        id: 'p90',
        header: t('admin.reports.column.p90'),
        csvHeader: t('admin.reports.column.p90Minutes'),
        text: (r) => d(r.p90ResponseMs),
        csv: (r) => minutes(r.p90ResponseMs),
        numeric: true,
      },
    ],
  };
}

type SurveyMonth = SurveyReport['months'][number];
type SurveyComment = SurveyReport['comments'][number];

function average(locale: DisplayLocale, value: number | null): string {
  if (value === null) return '—';
  return new Intl.NumberFormat(locale === 'zh-CN' ? 'zh-CN' : 'en-GB', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(value);
}

function surveyMonthsTable(report: SurveyReport, locale: DisplayLocale): ReportTable<SurveyMonth> {
  const t = translator(locale);
  const n = (v: number) => formatNumber(locale, v);
  const ratings = (['1', '2', '3', '4', '5'] as const).map((rating): ReportColumn<SurveyMonth> => ({
    id: `rated${rating}`,
    header: t('admin.reports.column.rated', { rating }),
    text: (r) => n(r.distribution[rating]),
    csv: (r) => r.distribution[rating],
    numeric: true,
  }));
  return {
    id: 'surveys',
    rows: report.months,
    columns: [
      {
        id: 'month',
        header: t('admin.reports.column.month'),
        text: (r) => formatMonth(locale, r.month),
        csv: (r) => r.month,
      },
      {
        id: 'answers',
        header: t('admin.reports.column.answers'),
        text: (r) => n(r.count),
        csv: (r) => r.count,
        numeric: true,
      },
      {
        id: 'average',
        header: t('admin.reports.column.average'),
        text: (r) => average(locale, r.averageRating),
        csv: (r) => r.averageRating,
        numeric: true,
      },
      ...ratings,
    ],
  };
}

function surveyCommentsTable(report: SurveyReport, locale: DisplayLocale, zone?: string): ReportTable<SurveyComment> {
  const t = translator(locale);
  return {
    id: 'comments',
    rows: report.comments,
    columns: [
      {
        id: 'at',
        header: t('admin.reports.column.at'),
        text: (r) => formatInstant(locale, r.at, zone),
        csv: (r) => r.at,
      },
      {
        id: 'request',
        header: t('admin.reports.column.request'),
        text: (r) => r.number,
        csv: (r) => r.number,
        data: true,
      },
      {
        id: 'customer',
        header: t('admin.reports.column.customer'),
        text: (r) => r.customerName,
        csv: (r) => r.customerName,
        data: true,
      },
      {
        id: 'product',
        header: t('admin.reports.column.product'),
        text: (r) => productLabel(r.product),
        csv: (r) => r.product,
        data: true,
      },
      {
        id: 'rating',
        header: t('admin.reports.column.rating'),
        text: (r) => formatNumber(locale, r.rating),
        csv: (r) => r.rating,
        numeric: true,
      },
      {
        id: 'comment',
        header: t('admin.reports.column.comment'),
        text: (r) => r.comment,
        csv: (r) => r.comment,
        data: true,
      },
    ],
  };
}

function downloadTable(
  report: DownloadReport,
  locale: DisplayLocale,
  zone?: string,
): ReportTable<DownloadReport['rows'][number]> {
  const t = translator(locale);
  return {
    id: 'downloads',
    rows: report.rows,
    columns: [
      {
        id: 'customer',
        header: t('admin.reports.column.customer'),
        text: (r) => r.customerName,
        csv: (r) => r.customerName,
        data: true,
      },
      {
        id: 'contract',
        header: t('admin.reports.column.contract'),
        text: (r) => r.contractId ?? t('admin.reports.noContract'),
        csv: (r) => r.contractId,
        data: true,
      },
      {
        id: 'serial',
        header: t('admin.reports.column.serial'),
        text: (r) => r.serialNumber,
        csv: (r) => r.serialNumber,
        data: true,
      },
      {
        id: 'product',
        header: t('admin.reports.column.product'),
        text: (r) => productLabel(r.product),
        csv: (r) => r.product,
        data: true,
      },
      {
        id: 'count',
        header: t('admin.reports.column.downloads'),
        text: (r) => formatNumber(locale, r.count),
        csv: (r) => r.count,
        numeric: true,
      },
      {
        id: 'bytes',
        header: t('admin.reports.column.bytes'),
        csvHeader: t('admin.reports.column.bytesExact'),
        text: (r) => formatBytesIn(locale, r.bytes),
        csv: (r) => r.bytes,
        numeric: true,
      },
      {
        id: 'lastAt',
        header: t('admin.reports.column.lastAt'),
        text: (r) => formatInstant(locale, r.lastAt, zone),
        csv: (r) => r.lastAt,
      },
      {
        id: 'releases',
        header: t('admin.reports.column.releases'),
        text: (r) => r.releases.join(', '),
        csv: (r) => r.releases.join(' '),
        data: true,
      },
    ],
  };
}

function requestTable(report: RequestReport, locale: DisplayLocale): ReportTable<RequestReport['rows'][number]> {
  const t = translator(locale);
  const n = (v: number) => formatNumber(locale, v);
  type Row = RequestReport['rows'][number];
  return {
    id: 'requests',
    rows: report.rows,
    columns: [
      {
        id: 'product',
        header: t('admin.reports.column.product'),
        text: (r) => productLabel(r.product),
        csv: (r) => r.product,
        data: true,
      },
      {
        id: 'version',
        header: t('admin.reports.column.version'),
        text: (r) => r.version ?? t('admin.reports.noVersion'),
        csv: (r) => r.version,
        data: true,
      },
      {
        id: 'total',
        header: t('admin.reports.column.total'),
        text: (r) => n(r.total),
        csv: (r) => r.total,
        numeric: true,
      },
      ...REQUEST_STATES.map((state): ReportColumn<Row> => ({
        id: state,
        header: t(`app.requests.state.${state}`),
        text: (r) => n(r.byState[state]),
        csv: (r) => r.byState[state],
        numeric: true,
      })),
      ...PRIORITIES.map((priority): ReportColumn<Row> => ({
        id: priority,
        header: priority,
        text: (r) => n(r.byPriority[priority]),
        csv: (r) => r.byPriority[priority],
        numeric: true,
      })),
    ],
  };
}

/**
 * The tables of one report, first the main one: the surveys report has a second, its comments. `zone` is the zone
 * instants are shown in (the reader's own by default).
 */
export function reportTables<K extends ReportKind>(
  kind: K,
  report: ReportOf[K],
  locale: DisplayLocale,
  zone?: string,
): ReportTable<never>[] {
  const tables: ReportTable<never>[] = [];
  const add = <R>(table: ReportTable<R>) => tables.push(table as unknown as ReportTable<never>);
  switch (kind) {
    case 'sla':
      add(slaTable(report as SlaReport, locale));
      break;
    case 'surveys':
      add(surveyMonthsTable(report as SurveyReport, locale));
      add(surveyCommentsTable(report as SurveyReport, locale, zone));
      break;
    case 'downloads':
      add(downloadTable(report as DownloadReport, locale, zone));
      break;
    case 'requests':
      add(requestTable(report as RequestReport, locale));
      break;
  }
  return tables;
}

/** A table as CSV: the spreadsheet's values under their CSV headers. */
export function reportCsv<R>(table: ReportTable<R>): string {
  return toCsv({
    columns: table.columns.map((c) => ({ header: c.csvHeader ?? c.header, value: c.csv })),
    rows: table.rows,
  });
}
