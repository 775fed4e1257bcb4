/**
 * Who may read which download records (DESIGN.md §3.5: "visible to the customer's admin and the vendor"): a customer
 * admin their own customer's, optionally of one of their contracts; a portal admin anybody's. Another customer's
 * contract is answered like one that does not exist.
 */
import type { Kysely } from 'kysely';
import type { Account } from '../../shared/contracts/accounts.js';
import type { DownloadRecords, DownloadRecordsQuery } from '../../shared/contracts/downloads.js';
import { HicareError } from '../../shared/errors.js';
import { getContract } from '../db/contracts.js';
import { listDownloadRecords } from '../db/download-records.js';
import type { Database } from '../db/schema.js';
import { customerOf } from './systems.js';

function cursorOf(record: { at: string; id: string }): string {
  return `${record.at}|${record.id}`;
}

function parseCursor(cursor: string): { at: string; id: string } {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)\|([A-Za-z0-9_-]{1,64})$/.exec(cursor);
  if (match === null) {
    throw new HicareError('INVALID_INPUT.downloadRecordsCursor', {}, { before: cursor.slice(0, 100) });
  }
  return { at: match[1] ?? '', id: match[2] ?? '' };
}

export async function downloadRecords(
  db: Kysely<Database>,
  caller: Account,
  query: DownloadRecordsQuery,
): Promise<DownloadRecords> {
  const customerId = caller.role === 'portal-admin' ? undefined : customerOf(caller);
  if (query.contractId !== undefined) {
    const contract = await getContract(db, query.contractId);
    if (contract === undefined || (customerId !== undefined && contract.customerId !== customerId)) {
      throw new HicareError(
        'NOT_FOUND.yourContract',
        { contractId: query.contractId },
        { contractId: query.contractId },
      );
    }
  }
  // One more than asked tells whether another page follows.
  const rows = await listDownloadRecords(db, {
    ...(customerId === undefined ? {} : { customerId }),
    ...(query.contractId === undefined ? {} : { contractId: query.contractId }),
    ...(query.serialNumber === undefined ? {} : { serialNumber: query.serialNumber }),
    ...(query.before === undefined ? {} : { before: parseCursor(query.before) }),
    limit: query.limit + 1,
  });
  const records = rows.slice(0, query.limit);
  const last = records.at(-1);
  return { records, next: rows.length > query.limit && last !== undefined ? cursorOf(last) : null };
}
