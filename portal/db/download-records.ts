/**
 * The download audit as its readers see it: each record with the name and address of the account that downloaded,
 * limited to one customer's accounts (and one contract's systems) when asked, newest first, one page at a time.
 */
import type { Kysely } from 'kysely';
import type { DownloadRecordView } from '../../shared/contracts/downloads.js';
import type { Database } from './schema.js';
import { toNumber } from './support.js';

export interface DownloadRecordFilter {
  /** Only downloads by this customer's accounts. */
  customerId?: string;
  /** Only downloads for the systems this contract covers. */
  contractId?: string;
  serialNumber?: string;
  /** Only records older than this one (the last of the previous page). */
  before?: { at: string; id: string };
  limit: number;
}

export async function listDownloadRecords(
  db: Kysely<Database>,
  filter: DownloadRecordFilter,
): Promise<DownloadRecordView[]> {
  let query = db
    .selectFrom('downloads')
    .innerJoin('accounts', 'accounts.id', 'downloads.account_id')
    .select([
      'downloads.id as id',
      'downloads.at as at',
      'downloads.serial_number as serialNumber',
      'downloads.product as product',
      'downloads.version as version',
      'downloads.target_name as targetName',
      'downloads.bytes as bytes',
      'accounts.name as name',
      'accounts.email as email',
    ]);
  const { customerId, contractId, serialNumber, before } = filter;
  if (customerId !== undefined) query = query.where('accounts.customer_id', '=', customerId);
  if (contractId !== undefined) {
    query = query.where(
      'downloads.serial_number',
      'in',
      db.selectFrom('systems').select('systems.serial_number').where('systems.contract_id', '=', contractId),
    );
  }
  if (serialNumber !== undefined) query = query.where('downloads.serial_number', '=', serialNumber);
  if (before !== undefined) {
    query = query.where((eb) =>
      eb.or([
        eb('downloads.at', '<', before.at),
        eb.and([eb('downloads.at', '=', before.at), eb('downloads.id', '<', before.id)]),
      ]),
    );
  }
  // ids are UUIDs, which every collation orders the same way, so pages are stable on both dialects.
  const rows = await query
    .orderBy('downloads.at', 'desc')
    .orderBy('downloads.id', 'desc')
    .limit(filter.limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    account: { name: r.name, email: r.email },
    serialNumber: r.serialNumber,
    product: r.product,
    version: r.version,
    targetName: r.targetName,
    bytes: toNumber(r.bytes),
  }));
}
