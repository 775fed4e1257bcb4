/** Tables as CSV, written the same by the portal's command line and the console's "Download CSV". */

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => string | number | null;
}

function text(value: string | number | null): string {
  return value === null ? '' : String(value);
}

/**
 * RFC 4180: fields with a comma, quote or line break are quoted and quotes doubled; CRLF between records. A cell a
 * spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe, since customers write some of it.
 */
export function toCsv<T>({ columns, rows }: { columns: readonly CsvColumn<T>[]; rows: readonly T[] }): string {
  const field = (value: string | number | null): string => {
    let v = text(value);
    if (typeof value === 'string' && /^[=+\-@\t\r]/.test(v)) v = `'${v}`;
    return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  };
  const records = [columns.map((c) => field(c.header)), ...rows.map((row) => columns.map((c) => field(c.value(row))))];
  return records.map((r) => r.join(',')).join('\r\n');
}
