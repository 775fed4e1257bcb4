/**
 * The download audit: every package handed out is tied to an account, a covered system and a release (DESIGN §3.5).
 * Rows are only ever added.
 */
import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import { IdSchema, ProductIdSchema, SerialNumberSchema, VersionSchema } from '../../shared/contracts/common.js';
import { HicareError } from '../../shared/errors.js';
import type { Database, DownloadsTable } from './schema.js';
import { checkInput, isForeignKeyViolation, newId, toIso, toNumber } from './support.js';

export interface DownloadRecord {
  id: string;
  accountId: string;
  serialNumber: string;
  product: string;
  version: string;
  targetName: string;
  bytes: number;
  at: string;
}

export type NewDownload = Omit<DownloadRecord, 'id' | 'at'>;

const NewDownloadSchema = z.object({
  accountId: IdSchema,
  serialNumber: SerialNumberSchema,
  product: ProductIdSchema,
  version: VersionSchema,
  targetName: z.string().min(1).max(1024),
  bytes: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
});

function toRecord(row: Selectable<DownloadsTable>): DownloadRecord {
  return {
    id: row.id,
    accountId: row.account_id,
    serialNumber: row.serial_number,
    product: row.product,
    version: row.version,
    targetName: row.target_name,
    bytes: toNumber(row.bytes),
    at: row.at,
  };
}

export async function recordDownload(db: Kysely<Database>, input: NewDownload, now: Date): Promise<DownloadRecord> {
  const d = checkInput(NewDownloadSchema, input, 'download record');
  const record: DownloadRecord = {
    id: newId(),
    accountId: d.accountId,
    serialNumber: d.serialNumber,
    product: d.product,
    version: d.version,
    targetName: d.targetName,
    bytes: d.bytes,
    at: toIso(now),
  };
  try {
    await db
      .insertInto('downloads')
      .values({
        id: record.id,
        account_id: record.accountId,
        serial_number: record.serialNumber,
        product: record.product,
        version: record.version,
        target_name: record.targetName,
        bytes: record.bytes,
        at: record.at,
      })
      .execute();
  } catch (error) {
    if (isForeignKeyViolation(error)) {
      throw new HicareError('NOT_FOUND.dbDownloadAccount', { accountId: d.accountId }, { accountId: d.accountId });
    }
    throw error;
  }
  return record;
}

export interface DownloadFilter {
  accountId?: string;
  serialNumber?: string;
  /** Inclusive lower bound. */
  since?: Date;
  /** Exclusive upper bound. */
  until?: Date;
  /** At most this many rows, newest first; 1000 when absent. */
  limit?: number;
}

export const MAX_DOWNLOADS_PER_PAGE = 1000;

/** Newest first; ties (same instant) broken by id so pages are stable on both dialects. */
export async function listDownloads(db: Kysely<Database>, filter: DownloadFilter = {}): Promise<DownloadRecord[]> {
  const limit = Math.min(Math.max(Math.trunc(filter.limit ?? MAX_DOWNLOADS_PER_PAGE), 1), MAX_DOWNLOADS_PER_PAGE);
  let query = db.selectFrom('downloads').selectAll();
  if (filter.accountId !== undefined) query = query.where('account_id', '=', filter.accountId);
  if (filter.serialNumber !== undefined) query = query.where('serial_number', '=', filter.serialNumber);
  if (filter.since !== undefined) query = query.where('at', '>=', toIso(filter.since));
  if (filter.until !== undefined) query = query.where('at', '<', toIso(filter.until));
  // ids are UUIDs (hex digits and "-"), which every collation orders the same way.
  const rows = await query.orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map(toRecord);
}
