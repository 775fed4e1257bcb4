/**
 * The release list IT staff pick from to download in bulk: every release offered for any system, once per package,
 * with the systems it is for; filtered by what was typed. Plain data so a 10,000-row list filters in one pass.
 */
import type { ResolutionView } from '../../../shared/contracts/app-views.js';
import type { ReleaseTarget } from '../../../shared/contracts/catalog.js';

export interface BulkRow {
  target: ReleaseTarget;
  /** Systems it was offered for and allowed on. */
  serialNumbers: string[];
  allowed: boolean;
  kind: 'update' | 'upgrade';
}

export function bulkRows(resolutions: readonly ResolutionView[]): BulkRow[] {
  const rows = new Map<string, BulkRow>();
  for (const r of resolutions) {
    for (const [kind, list] of [
      ['update', r.updates],
      ['upgrade', r.upgrades],
    ] as const) {
      for (const c of list) {
        let row = rows.get(c.target.name);
        if (row === undefined) {
          row = { target: c.target, serialNumbers: [], allowed: false, kind };
          rows.set(c.target.name, row);
        }
        if (c.verdict.allowed) {
          row.allowed = true;
          row.serialNumbers.push(r.system.serialNumber);
        }
      }
    }
  }
  return [...rows.values()].sort((a, b) => a.target.name.localeCompare(b.target.name));
}

export function filterRows(rows: readonly BulkRow[], query: string): readonly BulkRow[] {
  const words = query
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== '');
  if (words.length === 0) return rows;
  return rows.filter((row) => {
    const text =
      `${row.target.name} ${row.target.custom.product} ${row.target.custom.version} ${row.target.custom.platform} ${row.serialNumbers.join(' ')}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
}
