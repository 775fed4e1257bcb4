/**
 * The licensed majors customers earned by taking an upgrade their contract allowed: one row per customer, product
 * and major, with the release, the system and the date. Contracts are read back with them applied (contracts.ts).
 */
import type { Kysely } from 'kysely';
import type { LicenceAdvanceView } from '../../shared/contracts/entitlement.js';
import type { Database } from './schema.js';
import { IDS_PER_QUERY, chunks, compareText } from './support.js';

export interface LicenceAdvanceRecord extends LicenceAdvanceView {
  customerId: string;
  contractId: string;
  reportId: string;
}

/** The advances of the given customers, oldest first. */
export async function listLicenceAdvances(
  db: Kysely<Database>,
  customerIds: readonly string[],
): Promise<LicenceAdvanceRecord[]> {
  const out: LicenceAdvanceRecord[] = [];
  for (const ids of chunks([...new Set(customerIds)], IDS_PER_QUERY)) {
    const rows = await db.selectFrom('licence_advances').selectAll().where('customer_id', 'in', ids).execute();
    for (const r of rows) {
      out.push({
        customerId: r.customer_id,
        product: r.product,
        major: r.major,
        version: r.version,
        serialNumber: r.serial_number,
        contractId: r.contract_id,
        reportId: r.report_id,
        at: r.at,
      });
    }
  }
  return out.sort((a, b) => compareText(a.at, b.at) || a.major - b.major);
}

export async function findAdvanceOfReport(
  db: Kysely<Database>,
  reportId: string,
): Promise<LicenceAdvanceRecord | undefined> {
  const r = await db.selectFrom('licence_advances').selectAll().where('report_id', '=', reportId).executeTakeFirst();
  if (r === undefined) return undefined;
  return {
    customerId: r.customer_id,
    product: r.product,
    major: r.major,
    version: r.version,
    serialNumber: r.serial_number,
    contractId: r.contract_id,
    reportId: r.report_id,
    at: r.at,
  };
}
