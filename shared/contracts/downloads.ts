/**
 * The download records of a customer (DESIGN.md §3.5: every download is tied to the contract and a serial number,
 * recorded, and visible to the customer's admin and the vendor): who downloaded which release for which system, when.
 */
import { z } from 'zod';
import { IdSchema, InstantSchema, SerialNumberSchema } from './common.js';

export const DOWNLOAD_RECORDS_MAX_PAGE = 200;

export const DownloadRecordsQuerySchema = z
  .object({
    /** Only the systems this contract covers. */
    contractId: IdSchema.optional(),
    serialNumber: SerialNumberSchema.optional(),
    limit: z.coerce.number().int().min(1).max(DOWNLOAD_RECORDS_MAX_PAGE).default(50),
    /** The `next` of the previous page: records older than it. */
    before: z.string().max(200).optional(),
  })
  .strict();

export const DownloadRecordViewSchema = z.object({
  id: IdSchema,
  at: InstantSchema,
  account: z.object({ name: z.string(), email: z.string() }),
  serialNumber: z.string(),
  product: z.string(),
  version: z.string(),
  targetName: z.string(),
  bytes: z.number().int().min(0),
});

export const DownloadRecordsSchema = z.object({
  /** Newest first. */
  records: z.array(DownloadRecordViewSchema),
  /** Pass as `before` for the next, older page; null on the last page. */
  next: z.string().nullable(),
});

export type DownloadRecordsQuery = z.infer<typeof DownloadRecordsQuerySchema>;
export type DownloadRecordView = z.infer<typeof DownloadRecordViewSchema>;
export type DownloadRecords = z.infer<typeof DownloadRecordsSchema>;
