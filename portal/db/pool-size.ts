/**
 * The PostgreSQL pool size from configuration (`HICARE_DB_POOL_SIZE`). Each instance holds up to this many
 * connections (plus one that listens), so the operator sizes it against the server's max_connections.
 */
import { HicareError } from '../../shared/errors.js';

export const POOL_SIZE_VARIABLE = 'HICARE_DB_POOL_SIZE';
export const MAX_POOL_SIZE = 1000;

/** The pool size the text names, or undefined (the driver's default) when it is unset or empty. */
export function parsePoolSize(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const value = text.trim();
  const size = /^\d{1,4}$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(size) || size < 1 || size > MAX_POOL_SIZE) {
    throw new HicareError(
      'INVALID_INPUT.dbPoolSize',
      { variable: POOL_SIZE_VARIABLE, value: value.slice(0, 40), max: MAX_POOL_SIZE },
      { variable: POOL_SIZE_VARIABLE },
    );
  }
  return size;
}
