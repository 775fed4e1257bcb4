/** What the console's "Download CSV" saves: a file name that says which report and months, and its bytes. */
import type { ReportKind } from '../../../../../shared/contracts/admin/reports.js';

/** `hicare-sla-2026-01-2026-12.csv`; a second table of a report adds its name (`hicare-surveys-comments-…`). */
export function reportFileName(kind: ReportKind, tableId: string, from: string, to: string): string {
  const name = tableId === kind ? kind : `${kind}-${tableId}`;
  return `hicare-${name}-${from}-${to}.csv`;
}

/** With a byte-order mark, so a spreadsheet opening the file reads its Chinese headers and names as UTF-8. */
export function csvBlobParts(csv: string): string[] {
  return ['\uFEFF', csv, '\r\n'];
}
