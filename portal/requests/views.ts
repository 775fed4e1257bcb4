/**
 * A stored request as the API shows it: the fields the customer sent, its state and people, and where it stands
 * against the response-time SLA — computed from the contract it was opened under (time zone, holidays, the regional
 * response table) and the portal's clock at the moment of asking, so "time left" is never stale.
 */
import type { Kysely } from 'kysely';
import type { ServiceRequest } from '../../shared/contracts/requests.js';
import type { Contract } from '../../shared/domain/contract.js';
import {
  compareByTimeLeft,
  slaStatus,
  slaTermsFor,
  type RegionTerms,
  type SlaStatus,
} from '../../shared/domain/sla.js';
import { HicareError } from '../../shared/errors.js';
import { getContract } from '../db/contracts.js';
import { regionTerms } from '../db/regions.js';
import { getRequestRecord, type RequestRecord } from '../db/requests.js';
import type { Database } from '../db/schema.js';
import { compareText } from '../db/support.js';
import type { RequestContext } from './context.js';
import { requestNotFound } from './access.js';

/** A contract with the record of its region, if the region has one: what a request's SLA is judged by. */
export interface ContractTermsOf {
  contract: Contract;
  region: RegionTerms | undefined;
}

/** Contracts (and their regions) looked up once per call, however many requests share them. */
export class ContractLookup {
  private readonly cache = new Map<string, Promise<ContractTermsOf>>();

  constructor(private readonly db: Kysely<Database>) {}

  get(id: string): Promise<ContractTermsOf> {
    let found = this.cache.get(id);
    if (found === undefined) {
      found = getContract(this.db, id).then(async (contract) => {
        if (contract === undefined)
          throw new HicareError('INTERNAL.requestContractMissing', { contractId: id }, { contractId: id });
        const regions = await regionTerms(this.db, [contract.region]);
        return { contract, region: regions.get(contract.region) };
      });
      this.cache.set(id, found);
    }
    return found;
  }
}

export function slaOf(record: RequestRecord, { contract, region }: ContractTermsOf, now: Date): SlaStatus {
  return slaStatus(
    {
      priority: record.priority,
      acceptedAt: record.acceptedAt === null ? null : new Date(record.acceptedAt),
      firstContactAt: record.firstContactAt === null ? null : new Date(record.firstContactAt),
      ...slaTermsFor(contract, region),
    },
    now,
  );
}

export function requestView(record: RequestRecord, sla: SlaStatus, region?: RegionTerms): ServiceRequest {
  const view: ServiceRequest = {
    id: record.id,
    number: record.number,
    customerId: record.customerId,
    serialNumber: record.serialNumber,
    product: record.product,
    location: record.location,
    faultDescription: record.faultDescription,
    priority: record.priority,
    alarms: record.alarms,
    operationRecords: record.operationRecords,
    state: record.state,
    assignedEngineerId: record.assignedEngineerId,
    submittedAt: record.submittedAt,
    acceptedAt: record.acceptedAt,
    firstContactAt: record.firstContactAt,
    updatedAt: record.updatedAt,
    sla: {
      state: sla.state,
      dueAt: sla.dueAt === null ? null : sla.dueAt.toISOString(),
      msLeft: sla.msLeft,
      ...(region === undefined ? {} : { calendar: { region: region.id, name: region.name } }),
    },
  };
  if (record.performanceMeasurements !== null) view.performanceMeasurements = record.performanceMeasurements;
  if (record.installFailure !== null) view.installFailure = record.installFailure;
  return view;
}

export interface JudgedRequest {
  record: RequestRecord;
  sla: SlaStatus;
  view: ServiceRequest;
}

export async function judge(
  ctx: RequestContext,
  records: readonly RequestRecord[],
  contracts = new ContractLookup(ctx.db),
): Promise<JudgedRequest[]> {
  const now = ctx.now();
  const out: JudgedRequest[] = [];
  for (const record of records) {
    const terms = await contracts.get(record.contractId);
    const sla = slaOf(record, terms, now);
    out.push({ record, sla, view: requestView(record, sla, terms.region) });
  }
  return out;
}

/** The request as it is now in the database, as the API shows it. */
export async function currentView(ctx: RequestContext, id: string): Promise<ServiceRequest> {
  const record = await getRequestRecord(ctx.db, id);
  if (record === undefined) throw requestNotFound(id);
  const [judged] = await judge(ctx, [record]);
  if (judged === undefined) throw requestNotFound(id);
  return judged.view;
}

/** The engineers' queue: least time left first (compareByTimeLeft), then the oldest submission, then the number. */
export function byTimeLeft(a: JudgedRequest, b: JudgedRequest): number {
  return (
    compareByTimeLeft(a.sla, b.sla) ||
    compareText(a.record.submittedAt, b.record.submittedAt) ||
    compareText(a.record.number, b.record.number)
  );
}

/** A customer's own list: newest first. */
export function newestFirst(a: JudgedRequest, b: JudgedRequest): number {
  return compareText(b.record.submittedAt, a.record.submittedAt) || compareText(b.record.number, a.record.number);
}
