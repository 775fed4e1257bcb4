/** Releases the vendor withdrew (migration 0015): read by the verdicts and the package route, written by the back office. */
import type { Kysely, Transaction } from 'kysely';
import type { Database, ReleaseWithdrawalsTable } from './schema.js';
import { isUniqueViolation } from './support.js';

export interface Withdrawal {
  product: string;
  version: string;
  at: string;
  reason: string;
  by: string;
}

type Db = Kysely<Database> | Transaction<Database>;

function toWithdrawal(row: ReleaseWithdrawalsTable): Withdrawal {
  return { product: row.product, version: row.version, at: row.withdrawn_at, reason: row.reason, by: row.withdrawn_by };
}

/** One product's withdrawn releases, or every product's; keyed `product\0version`. */
export async function listWithdrawals(db: Db, filter: { product?: string } = {}): Promise<Map<string, Withdrawal>> {
  let query = db.selectFrom('release_withdrawals').selectAll();
  if (filter.product !== undefined) query = query.where('product', '=', filter.product);
  const rows = await query.execute();
  return new Map(rows.map((r) => [withdrawalKey(r.product, r.version), toWithdrawal(r)]));
}

export function withdrawalKey(product: string, version: string): string {
  return `${product}\u0000${version}`;
}

export async function getWithdrawal(db: Db, product: string, version: string): Promise<Withdrawal | undefined> {
  const row = await db
    .selectFrom('release_withdrawals')
    .selectAll()
    .where('product', '=', product)
    .where('version', '=', version)
    .executeTakeFirst();
  return row === undefined ? undefined : toWithdrawal(row);
}

/** False when the release was already withdrawn (the row stays as it was). */
export async function insertWithdrawal(db: Db, w: Withdrawal): Promise<boolean> {
  try {
    await db
      .insertInto('release_withdrawals')
      .values({ product: w.product, version: w.version, withdrawn_at: w.at, reason: w.reason, withdrawn_by: w.by })
      .execute();
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/** False when the release was not withdrawn. */
export async function deleteWithdrawal(db: Db, product: string, version: string): Promise<boolean> {
  const result = await db
    .deleteFrom('release_withdrawals')
    .where('product', '=', product)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/**
 * When each of the customer's systems first downloaded a release before `before` (its withdrawal): the downloads
 * audit ties a download to the account's customer and the system's serial number. Keyed `serial\0version`.
 */
export async function firstDownloadsBefore(
  db: Db,
  customerId: string,
  product: string,
  versions: readonly string[],
  serialNumber?: string,
): Promise<Map<string, string>> {
  if (versions.length === 0) return new Map();
  let query = db
    .selectFrom('downloads')
    .innerJoin('accounts', 'accounts.id', 'downloads.account_id')
    .where('accounts.customer_id', '=', customerId)
    .where('downloads.product', '=', product)
    .where('downloads.version', 'in', [...versions]);
  if (serialNumber !== undefined) query = query.where('downloads.serial_number', '=', serialNumber);
  const rows = await query
    .select((eb) => [
      'downloads.serial_number as serial',
      'downloads.version as version',
      eb.fn.min('downloads.at').as('first'),
    ])
    .groupBy(['downloads.serial_number', 'downloads.version'])
    .execute();
  return new Map(rows.map((r) => [`${r.serial}\u0000${r.version}`, String(r.first)]));
}
