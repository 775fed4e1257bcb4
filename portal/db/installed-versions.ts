/**
 * The version installed on each covered system, as detected on the customer's desktop or entered by the admin for
 * remote equipment. Keyed by serial number and product, not by contract: a renewal does not change what is installed.
 * Desktops report each install and each entered version; every report is kept (once per Idempotency-Key), and the
 * system's record follows the latest of them by when it happened, so a report queued offline cannot undo a newer one.
 */
import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import { ProductIdSchema, SerialNumberSchema, VersionSchema } from '../../shared/contracts/common.js';
import { announceRevocation } from './revocations.js';
import type { Database, InstalledReportsTable } from './schema.js';
import { IDS_PER_QUERY, checkInput, chunks, compareText, isUniqueViolation, toIso } from './support.js';

export type InstallReportKind = 'installed' | 'entered';

export interface InstalledVersion {
  serialNumber: string;
  product: string;
  installedVersion: string;
  platform: string | null;
  updatedAt: string;
  /** How a desktop recorded it; null when the vendor set it. */
  how: InstallReportKind | null;
  /** The account that reported it; null when the vendor set it. */
  reportedBy: string | null;
  notInCatalog: boolean;
}

const InstalledVersionSchema = z.object({
  serialNumber: SerialNumberSchema,
  product: ProductIdSchema,
  installedVersion: VersionSchema,
  platform: z.string().min(1).max(32).nullable(),
});

/** Sets a system's version as the vendor knows it (seeding, the admin CLI); it counts as recorded now. */
export async function setInstalledVersion(
  db: Kysely<Database>,
  input: { serialNumber: string; product: string; installedVersion: string; platform?: string | null },
  now: Date,
): Promise<InstalledVersion> {
  const value = checkInput(InstalledVersionSchema, { ...input, platform: input.platform ?? null }, 'installed version');
  const at = toIso(now);
  const recorded = {
    installed_version: value.installedVersion,
    platform: value.platform,
    updated_at: at,
    how: null,
    reported_by: null,
    reported_at: at,
    not_in_catalog: 0,
  };
  await db
    .insertInto('installed_versions')
    .values({ serial_number: value.serialNumber, product: value.product, ...recorded })
    .onConflict((oc) => oc.columns(['serial_number', 'product']).doUpdateSet(recorded))
    .execute();
  return { ...value, updatedAt: at, how: null, reportedBy: null, notInCatalog: false };
}

export async function listInstalledVersions(
  db: Kysely<Database>,
  serialNumbers: readonly string[],
): Promise<InstalledVersion[]> {
  if (serialNumbers.length === 0) return [];
  const rows = [];
  for (const serials of chunks(serialNumbers, IDS_PER_QUERY)) {
    rows.push(
      ...(await db.selectFrom('installed_versions').selectAll().where('serial_number', 'in', serials).execute()),
    );
  }
  return rows
    .map((r) => ({
      serialNumber: r.serial_number,
      product: r.product,
      installedVersion: r.installed_version,
      platform: r.platform,
      updatedAt: r.updated_at,
      how: r.how,
      reportedBy: r.reported_by,
      notInCatalog: r.not_in_catalog === 1,
    }))
    .sort((a, b) => compareText(a.serialNumber, b.serialNumber) || compareText(a.product, b.product));
}

export interface InstalledReportRecord {
  id: string;
  customerId: string;
  accountId: string;
  idempotencyKey: string | null;
  bodyHash: string;
  serialNumber: string;
  product: string;
  version: string;
  how: InstallReportKind;
  notInCatalog: boolean;
  at: string;
  recordedAt: string;
}

function toReport(row: Selectable<InstalledReportsTable>): InstalledReportRecord {
  return {
    id: row.id,
    customerId: row.customer_id,
    accountId: row.account_id,
    idempotencyKey: row.idempotency_key,
    bodyHash: row.body_hash,
    serialNumber: row.serial_number,
    product: row.product,
    version: row.version,
    how: row.how,
    notInCatalog: row.not_in_catalog === 1,
    at: row.at,
    recordedAt: row.recorded_at,
  };
}

export async function findReportByIdempotencyKey(
  db: Kysely<Database>,
  accountId: string,
  key: string,
): Promise<InstalledReportRecord | undefined> {
  const row = await db
    .selectFrom('installed_reports')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
  return row === undefined ? undefined : toReport(row);
}

export async function listReports(db: Kysely<Database>, serialNumber: string): Promise<InstalledReportRecord[]> {
  const rows = await db.selectFrom('installed_reports').selectAll().where('serial_number', '=', serialNumber).execute();
  return rows.map(toReport).sort((a, b) => compareText(a.at, b.at) || compareText(a.recordedAt, b.recordedAt));
}

/** The licence advance a report makes, stored with it in one transaction. */
export interface NewAdvance {
  id: string;
  major: number;
  contractId: string;
}

export type ReportOutcome =
  { created: true; report: InstalledReportRecord } | { created: false; report: InstalledReportRecord };

/**
 * Stores a report, moves the system's record to it unless a report of a later install is already there, and records
 * the licence advance it makes (a major already earned stays with its first report). A retry under the same key
 * stores nothing and gets the first report back, also when the two raced: the unique key decides.
 */
export async function recordReport(
  db: Kysely<Database>,
  report: InstalledReportRecord,
  advance: NewAdvance | null,
): Promise<ReportOutcome> {
  try {
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('installed_reports')
        .values({
          id: report.id,
          customer_id: report.customerId,
          account_id: report.accountId,
          idempotency_key: report.idempotencyKey,
          body_hash: report.bodyHash,
          serial_number: report.serialNumber,
          product: report.product,
          version: report.version,
          how: report.how,
          not_in_catalog: report.notInCatalog ? 1 : 0,
          at: report.at,
          recorded_at: report.recordedAt,
        })
        .execute();
      const recorded = {
        installed_version: report.version,
        updated_at: report.recordedAt,
        how: report.how,
        reported_by: report.accountId,
        reported_at: report.at,
        not_in_catalog: report.notInCatalog ? 1 : 0,
      };
      await trx
        .insertInto('installed_versions')
        .values({ serial_number: report.serialNumber, product: report.product, platform: null, ...recorded })
        .onConflict((oc) =>
          oc
            .columns(['serial_number', 'product'])
            .doUpdateSet(recorded)
            .where((eb) =>
              eb.or([
                eb('installed_versions.reported_at', 'is', null),
                eb('installed_versions.reported_at', '<=', report.at),
              ]),
            ),
        )
        .execute();
      if (advance !== null) {
        await trx
          .insertInto('licence_advances')
          .values({
            id: advance.id,
            customer_id: report.customerId,
            product: report.product,
            major: advance.major,
            version: report.version,
            serial_number: report.serialNumber,
            contract_id: advance.contractId,
            report_id: report.id,
            at: report.at,
          })
          .onConflict((oc) => oc.columns(['customer_id', 'product', 'major']).doNothing())
          .execute();
      }
    });
  } catch (error) {
    if (report.idempotencyKey !== null && isUniqueViolation(error)) {
      const earlier = await findReportByIdempotencyKey(db, report.accountId, report.idempotencyKey);
      if (earlier !== undefined) return { created: false, report: earlier };
    }
    throw error;
  }
  // A licence advance changes what the customer's contracts allow.
  if (advance !== null) await announceRevocation(db, { kind: 'customer', id: report.customerId });
  return { created: true, report };
}
