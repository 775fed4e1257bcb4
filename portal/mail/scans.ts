/**
 * The sender loop's scans: running response clocks close to their due time (sla-at-risk, to the assigned engineer or
 * every engineer while nobody is), and contracts 60, 30 and 7 days before their end (contract-expiring, to the
 * customer's admins). Each mail has a dedupe key, so scanning again, or on several instances, queues nothing twice.
 */
import type { Kysely } from 'kysely';
import { calendarDateAt, daysBetween } from '../../shared/domain/dates.js';
import { contractExpiryNotice, slaAtRisk } from '../../shared/domain/mail.js';
import { isTerminal } from '../../shared/domain/request-state.js';
import { listContracts } from '../db/contracts.js';
import { listRequestRecords } from '../db/requests.js';
import type { Database } from '../db/schema.js';
import { ContractLookup, slaOf } from '../requests/views.js';
import { enqueueMail } from './outbox.js';

async function activeAccounts(
  db: Kysely<Database>,
  where: { role: 'engineer' | 'customer-admin'; customerId?: string },
): Promise<string[]> {
  let query = db.selectFrom('accounts').select('id').where('role', '=', where.role).where('disabled_at', 'is', null);
  if (where.customerId !== undefined) query = query.where('customer_id', '=', where.customerId);
  return (await query.execute()).map((r) => r.id);
}

/** Queues sla-at-risk mails; returns how many were added. */
export async function scanSlaAtRisk(db: Kysely<Database>, now: Date): Promise<number> {
  const open = (await listRequestRecords(db, {})).filter(
    (r) => !isTerminal(r.state) && r.acceptedAt !== null && r.firstContactAt === null,
  );
  let added = 0;
  let engineers: string[] | undefined;
  const contracts = new ContractLookup(db);
  for (const record of open) {
    if (record.acceptedAt === null) continue;
    // The same terms as the request views: the contract's region calendar when it has one.
    const terms = await contracts.get(record.contractId);
    const contract = terms.contract;
    const sla = slaOf(record, terms, now);
    if (sla.state !== 'running' || sla.dueAt === null) continue;
    const targetMs = sla.dueAt.getTime() - Date.parse(record.acceptedAt);
    if (!slaAtRisk(sla.msLeft, targetMs)) continue;
    const recipients =
      record.assignedEngineerId === null
        ? (engineers ??= await activeAccounts(db, { role: 'engineer' }))
        : [record.assignedEngineerId];
    for (const accountId of recipients) {
      const queued = await enqueueMail(
        db,
        {
          kind: 'sla-at-risk',
          accountId,
          dedupeKey: `sla-at-risk:${record.id}:${accountId}`,
          params: {
            requestId: record.id,
            number: record.number,
            priority: record.priority,
            product: record.product,
            dueAt: sla.dueAt.toISOString(),
            zone: contract.timeZone,
          },
        },
        now,
      );
      if (queued) added++;
    }
  }
  return added;
}

/** Queues contract-expiring mails for the notice now due (60, 30 or 7 days before the end, in the contract's zone). */
export async function scanExpiringContracts(db: Kysely<Database>, now: Date): Promise<number> {
  let added = 0;
  for (const contract of await listContracts(db)) {
    const today = calendarDateAt(now, contract.timeZone);
    if (daysBetween(contract.startDate, today) < 0) continue;
    const daysToEnd = daysBetween(today, contract.endDate);
    const notice = contractExpiryNotice(daysToEnd);
    if (notice === null) continue;
    for (const accountId of await activeAccounts(db, { role: 'customer-admin', customerId: contract.customerId })) {
      const queued = await enqueueMail(
        db,
        {
          kind: 'contract-expiring',
          accountId,
          dedupeKey: `contract-expiring:${contract.id}:${notice}:${accountId}`,
          // Whole days from today to the last day, as the notice thresholds count them.
          params: { contractId: contract.id, endDate: contract.endDate, days: daysToEnd, zone: contract.timeZone },
        },
        now,
      );
      if (queued) added++;
    }
  }
  return added;
}
