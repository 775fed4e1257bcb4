/**
 * The version installed on each covered system, as detected on the customer's desktop or entered by the admin for
 * remote equipment. Keyed by serial number and product, not by contract: a renewal does not change what is installed.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { ProductIdSchema, SerialNumberSchema, VersionSchema } from '../../shared/contracts/common.js';
import type { Database } from './schema.js';
import { IDS_PER_QUERY, checkInput, chunks, compareText, toIso } from './support.js';

export interface InstalledVersion {
  serialNumber: string;
  product: string;
  installedVersion: string;
  platform: string | null;
  updatedAt: string;
}

const InstalledVersionSchema = z.object({
  serialNumber: SerialNumberSchema,
  product: ProductIdSchema,
  installedVersion: VersionSchema,
  platform: z.string().min(1).max(32).nullable(),
});

export async function setInstalledVersion(
  db: Kysely<Database>,
  input: { serialNumber: string; product: string; installedVersion: string; platform?: string | null },
  now: Date,
): Promise<InstalledVersion> {
  const value = checkInput(InstalledVersionSchema, { ...input, platform: input.platform ?? null }, 'installed version');
  const row = {
    serial_number: value.serialNumber,
    product: value.product,
    installed_version: value.installedVersion,
    platform: value.platform,
    updated_at: toIso(now),
  };
  await db
    .insertInto('installed_versions')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['serial_number', 'product']).doUpdateSet({ installed_version: row.installed_version, platform: row.platform, updated_at: row.updated_at }),
    )
    .execute();
  return { ...value, updatedAt: row.updated_at };
}

export async function listInstalledVersions(db: Kysely<Database>, serialNumbers: readonly string[]): Promise<InstalledVersion[]> {
  if (serialNumbers.length === 0) return [];
  const rows = [];
  for (const serials of chunks(serialNumbers, IDS_PER_QUERY)) {
    rows.push(...(await db.selectFrom('installed_versions').selectAll().where('serial_number', 'in', serials).execute()));
  }
  return rows
    .map((r) => ({ serialNumber: r.serial_number, product: r.product, installedVersion: r.installed_version, platform: r.platform, updatedAt: r.updated_at }))
    .sort((a, b) => compareText(a.serialNumber, b.serialNumber) || compareText(a.product, b.product));
}
