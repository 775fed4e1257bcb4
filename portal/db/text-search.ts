/**
 * The back office's list search: a case-insensitive substring match over a few columns, written so SQLite and
 * PostgreSQL answer alike (SQLite's LIKE ignores ASCII case and PostgreSQL's does not, so both sides are lowered;
 * `%`, `_` and `\` in what was typed are matched literally).
 */
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';

export function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** True where any of `columns` contains `q`; every row when `q` is empty or absent. */
export function containsText<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  columns: readonly string[],
  q: string | undefined,
): Expression<SqlBool> {
  if (q === undefined || q.trim() === '' || columns.length === 0) return sql<SqlBool>`1 = 1`;
  const pattern = likePattern(q.trim());
  return eb.or(columns.map((column) => sql<SqlBool>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`));
}
