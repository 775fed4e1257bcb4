/**
 * Service requests as stored: creation with a per-year human number and an idempotency key that makes a retried
 * creation find the first one, compare-and-set state changes (two people acting at once cannot both win), and the
 * SLA instants. JSON fields (alarms, operation records, install failure) are text, as everywhere in the portal.
 */
import type { Kysely, Selectable, Updateable } from 'kysely';
import type { InstallFailure, ServiceRequestCreate } from '../../shared/contracts/requests.js';
import type { RequestState } from '../../shared/domain/request-state.js';
import type { Priority } from '../../shared/domain/sla.js';
import { HicareError } from '../../shared/errors.js';
import type { Database, RequestsTable } from './schema.js';
import { isUniqueViolation, toIso } from './support.js';

export type OperationRecord = ServiceRequestCreate['operationRecords'][number];

export interface RequestRecord {
  id: string;
  number: string;
  customerId: string;
  contractId: string;
  createdBy: string;
  idempotencyKey: string | null;
  bodyHash: string;
  serialNumber: string;
  product: string;
  location: string;
  faultDescription: string;
  priority: Priority;
  alarms: string[];
  performanceMeasurements: string | null;
  operationRecords: OperationRecord[];
  installFailure: InstallFailure | null;
  state: RequestState;
  assignedEngineerId: string | null;
  acceptedBy: string | null;
  submittedAt: string;
  acceptedAt: string | null;
  firstContactAt: string | null;
  confirmedAt: string | null;
  endedAt: string | null;
  updatedAt: string;
}

export type NewRequest = Omit<RequestRecord, 'number' | 'updatedAt' | 'firstContactAt' | 'confirmedAt' | 'endedAt'>;

function parseJson<T>(text: string, row: { id: string }, column: 'alarms' | 'operationRecords' | 'installFailure'): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new HicareError(
      'INTERNAL.dbRequestUnreadable',
      { requestId: row.id, column },
      {
        requestId: row.id,
        column,
      },
    );
  }
}

function toRecord(row: Selectable<RequestsTable>): RequestRecord {
  return {
    id: row.id,
    number: row.number,
    customerId: row.customer_id,
    contractId: row.contract_id,
    createdBy: row.created_by,
    idempotencyKey: row.idempotency_key,
    bodyHash: row.body_hash,
    serialNumber: row.serial_number,
    product: row.product,
    location: row.location,
    faultDescription: row.fault_description,
    priority: row.priority,
    alarms: parseJson<string[]>(row.alarms, row, 'alarms'),
    performanceMeasurements: row.performance_measurements,
    operationRecords: parseJson<OperationRecord[]>(row.operation_records, row, 'operationRecords'),
    installFailure:
      row.install_failure === null ? null : parseJson<InstallFailure>(row.install_failure, row, 'installFailure'),
    state: row.state,
    assignedEngineerId: row.assigned_engineer_id,
    acceptedBy: row.accepted_by,
    submittedAt: row.submitted_at,
    acceptedAt: row.accepted_at,
    firstContactAt: row.first_contact_at,
    confirmedAt: row.confirmed_at,
    endedAt: row.ended_at,
    updatedAt: row.updated_at,
  };
}

export function requestNumber(year: number, sequence: number): string {
  return `TAC-${year}-${String(sequence).padStart(6, '0')}`;
}

export type InsertOutcome = { created: true; record: RequestRecord } | { created: false; record: RequestRecord };

/**
 * Stores a new request under the next number of its year. When the caller already used the idempotency key, nothing
 * is stored and the earlier request comes back instead, also when the two creations raced: the unique key decides,
 * and the loser's transaction (number included) is rolled back.
 */
export async function insertRequest(db: Kysely<Database>, input: NewRequest): Promise<InsertOutcome> {
  const year = new Date(input.submittedAt).getUTCFullYear();
  let stored: RequestRecord | undefined;
  try {
    stored = await db.transaction().execute(async (trx) => {
      const counter = await trx
        .insertInto('request_numbers')
        .values({ year, last: 1 })
        .onConflict((oc) => oc.column('year').doUpdateSet((eb) => ({ last: eb('request_numbers.last', '+', 1) })))
        .returning('last')
        .executeTakeFirstOrThrow();
      const record: RequestRecord = {
        ...input,
        number: requestNumber(year, counter.last),
        firstContactAt: null,
        confirmedAt: null,
        endedAt: null,
        updatedAt: input.submittedAt,
      };
      await trx
        .insertInto('requests')
        .values({
          id: record.id,
          number: record.number,
          customer_id: record.customerId,
          contract_id: record.contractId,
          created_by: record.createdBy,
          idempotency_key: record.idempotencyKey,
          body_hash: record.bodyHash,
          serial_number: record.serialNumber,
          product: record.product,
          location: record.location,
          fault_description: record.faultDescription,
          priority: record.priority,
          alarms: JSON.stringify(record.alarms),
          performance_measurements: record.performanceMeasurements,
          operation_records: JSON.stringify(record.operationRecords),
          install_failure: record.installFailure === null ? null : JSON.stringify(record.installFailure),
          state: record.state,
          assigned_engineer_id: record.assignedEngineerId,
          accepted_by: record.acceptedBy,
          submitted_at: record.submittedAt,
          accepted_at: record.acceptedAt,
          first_contact_at: null,
          confirmed_at: null,
          ended_at: null,
          updated_at: record.updatedAt,
        })
        .execute();
      return record;
    });
  } catch (error) {
    if (input.idempotencyKey !== null && isUniqueViolation(error)) {
      const earlier = await findByIdempotencyKey(db, input.createdBy, input.idempotencyKey);
      if (earlier !== undefined) return { created: false, record: earlier };
    }
    throw error;
  }
  return { created: true, record: stored };
}

export async function findByIdempotencyKey(
  db: Kysely<Database>,
  accountId: string,
  key: string,
): Promise<RequestRecord | undefined> {
  const row = await db
    .selectFrom('requests')
    .selectAll()
    .where('created_by', '=', accountId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
  return row === undefined ? undefined : toRecord(row);
}

export async function getRequestRecord(db: Kysely<Database>, id: string): Promise<RequestRecord | undefined> {
  const row = await db.selectFrom('requests').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : toRecord(row);
}

export interface RequestFilter {
  customerId?: string;
  state?: RequestState;
  /** Only requests in one of these states. */
  states?: readonly RequestState[];
  confirmedBefore?: Date;
  /** Accepted at or after this instant (ISO) and before the next; for the reports' months. */
  acceptedFrom?: string;
  acceptedBefore?: string;
  /** Submitted at or after this instant (ISO) and before the next. */
  submittedFrom?: string;
  submittedBefore?: string;
}

/** Unordered: callers order by what they show (time left, submission). */
export async function listRequestRecords(db: Kysely<Database>, filter: RequestFilter = {}): Promise<RequestRecord[]> {
  let query = db.selectFrom('requests').selectAll();
  if (filter.customerId !== undefined) query = query.where('customer_id', '=', filter.customerId);
  if (filter.state !== undefined) query = query.where('state', '=', filter.state);
  if (filter.states !== undefined) query = query.where('state', 'in', [...filter.states]);
  if (filter.confirmedBefore !== undefined) query = query.where('confirmed_at', '<=', toIso(filter.confirmedBefore));
  // Instants are stored as ISO text of one shape (toIso), so comparing the text compares the times on both dialects.
  if (filter.acceptedFrom !== undefined) query = query.where('accepted_at', '>=', filter.acceptedFrom);
  if (filter.acceptedBefore !== undefined) query = query.where('accepted_at', '<', filter.acceptedBefore);
  if (filter.submittedFrom !== undefined) query = query.where('submitted_at', '>=', filter.submittedFrom);
  if (filter.submittedBefore !== undefined) query = query.where('submitted_at', '<', filter.submittedBefore);
  return (await query.execute()).map(toRecord);
}

export interface RequestChanges {
  state?: RequestState;
  assignedEngineerId?: string | null;
  acceptedBy?: string;
  acceptedAt?: string;
  confirmedAt?: string;
  endedAt?: string;
}

/**
 * Applies `changes` only if the request is still in the state and assignment the caller decided on; false when
 * somebody else changed it first (the caller reads it again and decides anew).
 */
export async function updateRequestIf(
  db: Kysely<Database>,
  id: string,
  expected: { state: RequestState; assignedEngineerId: string | null },
  changes: RequestChanges,
  now: Date,
): Promise<boolean> {
  const set: Updateable<RequestsTable> = { updated_at: toIso(now) };
  if (changes.state !== undefined) set.state = changes.state;
  if (changes.assignedEngineerId !== undefined) set.assigned_engineer_id = changes.assignedEngineerId;
  if (changes.acceptedBy !== undefined) set.accepted_by = changes.acceptedBy;
  if (changes.acceptedAt !== undefined) set.accepted_at = changes.acceptedAt;
  if (changes.confirmedAt !== undefined) set.confirmed_at = changes.confirmedAt;
  if (changes.endedAt !== undefined) set.ended_at = changes.endedAt;
  let query = db.updateTable('requests').set(set).where('id', '=', id).where('state', '=', expected.state);
  query =
    expected.assignedEngineerId === null
      ? query.where('assigned_engineer_id', 'is', null)
      : query.where('assigned_engineer_id', '=', expected.assignedEngineerId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Records the first contact once: only the first call after acceptance sets it; true when this call did. */
export async function recordFirstContact(db: Kysely<Database>, id: string, at: Date): Promise<boolean> {
  const iso = toIso(at);
  const result = await db
    .updateTable('requests')
    .set({ first_contact_at: iso, updated_at: iso })
    .where('id', '=', id)
    .where('first_contact_at', 'is', null)
    .where('accepted_at', 'is not', null)
    .where('accepted_at', '<=', iso)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * The next position in the request's activity (messages, attachments, grants), taken under the request row's lock so
 * concurrent additions get distinct, ordered positions; also marks the request as updated.
 */
export async function nextActivitySeq(db: Kysely<Database>, requestId: string, now: Date): Promise<number> {
  const row = await db
    .updateTable('requests')
    .set((eb) => ({ activity_seq: eb('activity_seq', '+', 1), updated_at: toIso(now) }))
    .where('id', '=', requestId)
    .returning('activity_seq')
    .executeTakeFirst();
  if (row === undefined) throw new HicareError('NOT_FOUND.dbRequestGone', {}, { requestId });

  return row.activity_seq;
}
