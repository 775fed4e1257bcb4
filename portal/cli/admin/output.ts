/**
 * How the back-office commands print: a table a person reads (columns padded by terminal width, so Chinese lines
 * up), `--json` for a script, or `--csv` for a spreadsheet. Headers and words follow the reader's language (`--lang`,
 * else LANGUAGE/LC_ALL/LC_MESSAGES/LANG); values, field names and JSON never change with it.
 */
import { toCsv } from '../../../shared/csv.js';
import { displayWidth, padToWidth } from '../../../shared/display-width.js';
import { isLocale, posixLocale, type DisplayLocale } from '../../../shared/i18n/locales.js';
import { translator, type Translate } from '../../../shared/i18n/translator.js';
import type { CliEnvironment } from '../context.js';
import { UsageError } from '../usage.js';

export { toCsv };

export type OutputFormat = 'text' | 'json' | 'csv';

/** The flags every back-office command takes besides the common ones. */
export const OUTPUT_FLAGS = {
  csv: { type: 'boolean' },
  lang: { type: 'string' },
} as const;

export function outputFormat(
  values: { json?: boolean | undefined; csv?: boolean | undefined },
  t: Translate,
): OutputFormat {
  if (values.json === true && values.csv === true) throw new UsageError(t('admin.cli.jsonOrCsv'));
  if (values.json === true) return 'json';
  return values.csv === true ? 'csv' : 'text';
}

export function readerLocale(lang: string | undefined, env: CliEnvironment['env']): DisplayLocale {
  if (lang === undefined) return posixLocale(env) ?? 'en';
  if (isLocale(lang)) return lang;
  throw new UsageError(translator(posixLocale(env) ?? 'en')('admin.cli.lang', { given: lang }));
}

export function readerT(lang: string | undefined, env: CliEnvironment['env']): Translate {
  return translator(readerLocale(lang, env));
}

export interface Column<T> {
  header: string;
  value: (row: T) => string | number | null;
}

export interface Listing<T> {
  columns: readonly Column<T>[];
  rows: readonly T[];
  /** Printed under a text table only ("1–25 of 112"). */
  footer?: string;
}

/** Prints `json` as it is for --json; the table for a person or a spreadsheet otherwise. */
export function printListing<T>(io: CliEnvironment, format: OutputFormat, json: unknown, listing: Listing<T>): void {
  if (format === 'json') io.print(JSON.stringify(json, null, 2));
  else if (format === 'csv') io.print(toCsv(listing));
  else {
    for (const line of toTextTable(listing)) io.print(line);
    if (listing.footer !== undefined) io.print(listing.footer);
  }
}

/** A record's fields as aligned `label  value` lines, for `show` and the answer to a change. */
export function printRecord(io: CliEnvironment, format: OutputFormat, json: unknown, fields: [string, string][]): void {
  if (format === 'json') {
    io.print(JSON.stringify(json, null, 2));
    return;
  }
  if (format === 'csv') {
    io.print(toCsv({ columns: fields.map(([h], i) => ({ header: h, value: () => fields[i]![1] })), rows: [null] }));
    return;
  }
  const width = Math.max(0, ...fields.map(([label]) => displayWidth(label)));
  for (const [label, value] of fields) io.print(`${padToWidth(label, width)}  ${value}`);
}

function text(value: string | number | null): string {
  return value === null ? '' : String(value);
}

export function toTextTable<T>({ columns, rows }: Listing<T>): string[] {
  const cells = rows.map((row) => columns.map((c) => text(c.value(row)).replace(/\s+/g, ' ')));
  const widths = columns.map((c, i) => Math.max(displayWidth(c.header), ...cells.map((r) => displayWidth(r[i]!))));
  const line = (values: readonly string[]) =>
    values
      .map((v, i) => (i === values.length - 1 ? v : padToWidth(v, widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.header)), ...cells.map(line)];
}
