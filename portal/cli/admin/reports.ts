/**
 * `hicare-portal report sla|surveys|downloads|requests`: the vendor's reports on the portal's own machine, computed by
 * the functions the API answers with (../../admin/reports.ts), as a table, --json or --csv.
 */
import { parseArgs } from 'node:util';
import { REPORT_KINDS, type ReportKind, type ReportQuery } from '../../../shared/contracts/admin/reports.js';
import { formatMonth } from '../../../shared/i18n/format-amounts.js';
import type { Translate } from '../../../shared/i18n/translator.js';
import { reportCsv, reportTables, type ReportTable } from '../../../shared/reports/report-tables.js';
import { runReport } from '../../admin/reports.js';
import { withStorage, type CliEnvironment } from '../context.js';
import { UsageError } from '../usage.js';
import { OUTPUT_FLAGS, outputFormat, readerLocale, readerT, toTextTable } from './output.js';

const FLAGS = {
  data: { type: 'string' },
  keys: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean' },
  from: { type: 'string' },
  to: { type: 'string' },
  customer: { type: 'string' },
  comments: { type: 'boolean' },
  ...OUTPUT_FLAGS,
} as const;

function parse(args: readonly string[], env: CliEnvironment['env']) {
  // --lang is read first so that a usage error is already in the reader's language.
  const langAt = args.indexOf('--lang');
  const lang = langAt >= 0 ? args[langAt + 1] : args.find((a) => a.startsWith('--lang='))?.slice('--lang='.length);
  const t = readerT(lang, env);
  try {
    return { ...parseArgs({ args: [...args], options: FLAGS, strict: true, allowPositionals: true }), t };
  } catch (error) {
    const named = /'(--?[\w-]+)/.exec(error instanceof Error ? error.message : '');
    throw new UsageError(t('admin.reports.cli.badFlag', { flag: named?.[1] ?? '' }));
  }
}

function isKind(value: string | undefined): value is ReportKind {
  return (REPORT_KINDS as readonly string[]).includes(value ?? '');
}

function printTable(io: CliEnvironment, table: ReportTable<never>, csv: boolean): void {
  if (csv) io.print(reportCsv(table));
  else
    for (const line of toTextTable({
      columns: table.columns.map((c) => ({ header: c.header, value: c.text })),
      rows: table.rows,
    }))
      io.print(line);
}

export async function reportCommand(args: readonly string[], io: CliEnvironment): Promise<void> {
  const { values, positionals, t } = parse(args, io.env);
  const [kind, extra] = positionals;
  if (kind === undefined) throw new UsageError(t('admin.reports.cli.kind'));
  if (!isKind(kind)) throw new UsageError(t('admin.reports.cli.unknownKind', { given: kind }));
  if (extra !== undefined) throw new UsageError(t('admin.reports.cli.extra', { given: extra }));
  if (values.comments === true && kind !== 'surveys') throw new UsageError(t('admin.reports.cli.commentsOnly'));
  const format = outputFormat(values, t);
  const locale = readerLocale(values.lang, io.env);
  const query: ReportQuery = {
    ...(values.from === undefined ? {} : { from: values.from }),
    ...(values.to === undefined ? {} : { to: values.to }),
    ...(values.customer === undefined ? {} : { customer: values.customer }),
  };
  const report = await withStorage(values, io, ({ db }) => runReport({ db, now: io.now }, kind, query));
  if (format === 'json') {
    io.print(JSON.stringify(report, null, 2));
    return;
  }
  const [main, comments] = reportTables(kind, report, locale);
  if (format === 'csv') {
    printTable(io, (values.comments === true ? comments : main)!, true);
    return;
  }
  if ('averageRating' in report) summary(io, t, locale, report);
  if (values.comments !== true) printTable(io, main!, false);
  if (comments !== undefined && comments.rows.length > 0) {
    if (values.comments !== true) io.print('');
    io.print(t('admin.reports.comments'));
    printTable(io, comments, false);
  }
}

function summary(
  io: CliEnvironment,
  t: Translate,
  locale: Parameters<typeof formatMonth>[0],
  report: { count: number; averageRating: number | null; from: string; to: string },
): void {
  io.print(
    t('admin.reports.cli.summary', {
      count: report.count,
      average: report.averageRating === null ? t('admin.reports.cli.noAverage') : report.averageRating.toFixed(2),
      from: formatMonth(locale, report.from),
      to: formatMonth(locale, report.to),
    }),
  );
  io.print('');
}
