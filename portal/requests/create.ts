/**
 * Opening a remote-guidance request: for one of the caller's covered systems (another's is "not found"), only while
 * a contract covering it is in service (requestEntitlement), numbered TAC-<year>-<n>, accepted at once by the portal
 * when the auto-accept policy names its priority, and never twice for one Idempotency-Key.
 */
import type { Account } from '../../shared/contracts/accounts.js';
import {
  ServiceRequestCreateSchema,
  type ServiceRequest,
  type ServiceRequestCreate,
} from '../../shared/contracts/requests.js';
import { contractStanding, type Contract } from '../../shared/domain/contract.js';
import { assertRequiredFields, nextState } from '../../shared/domain/request-state.js';
import { requestEntitlement } from '../../shared/domain/verdict.js';
import { HicareError } from '../../shared/errors.js';
import { findByIdempotencyKey, insertRequest, type NewRequest, type RequestRecord } from '../db/requests.js';
import { checkInput, newId, toIso } from '../db/support.js';
import { customerOf, customerSystems, systemNotFound } from '../entitlement/systems.js';
import type { RequestContext } from './context.js';
import { bodyFingerprint, idempotencyConflict } from './idempotency.js';
import { publishRequestChanged } from './notify.js';
import { currentView } from './views.js';

export interface CreateOutcome {
  request: ServiceRequest;
  /** True when the key had been used before and the earlier request came back. */
  replayed: boolean;
}

/**
 * REQUEST_FIELD_MISSING for a body that lacks (or leaves blank) what every request must carry, before the schema's
 * generic complaint: the client shows which fields to fill in.
 */
export function checkRequiredFields(body: unknown): void {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return;
  const b = body as Record<string, unknown>;
  const asText = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
  const fields = {
    serialNumber: asText(b['serialNumber']),
    location: asText(b['location']),
    faultDescription: asText(b['faultDescription']),
  };
  // Present but not text is a type error, which the schema reports as INVALID_INPUT.
  const wrongType = (['serialNumber', 'location', 'faultDescription'] as const).some(
    (k) => b[k] !== undefined && b[k] !== null && typeof b[k] !== 'string',
  );
  if (wrongType) return;
  assertRequiredFields({
    ...(fields.serialNumber === undefined ? {} : { serialNumber: fields.serialNumber }),
    ...(fields.location === undefined ? {} : { location: fields.location }),
    ...(fields.faultDescription === undefined ? {} : { faultDescription: fields.faultDescription }),
  });
}

/** The contract whose SLA the request runs under: one in service now, the longest-running if several. */
function governingContract(contracts: readonly Contract[], now: Date): Contract | undefined {
  return contracts
    .filter((c) => {
      const status = contractStanding(c, now).status;
      return status === 'active' || status === 'expiring';
    })
    .reduce<Contract | undefined>((best, c) => (best === undefined || c.endDate > best.endDate ? c : best), undefined);
}

async function replayOf(
  ctx: RequestContext,
  earlier: RequestRecord,
  key: string,
  fingerprint: string,
): Promise<CreateOutcome> {
  if (earlier.bodyHash !== fingerprint) throw idempotencyConflict(key, earlier.number);
  return { request: await currentView(ctx, earlier.id), replayed: true };
}

export async function createServiceRequest(
  ctx: RequestContext,
  caller: Account,
  body: ServiceRequestCreate,
  idempotencyKey: string | null,
): Promise<CreateOutcome> {
  const customerId = customerOf(caller);
  // PostgreSQL text cannot hold NUL; refusing it here answers alike on both dialects.
  checkInput(ServiceRequestCreateSchema, body, 'service request');
  const fingerprint = bodyFingerprint(body);

  // A retry is answered before anything else is judged: the request it repeats exists even if the contract ended since.
  if (idempotencyKey !== null) {
    const earlier = await findByIdempotencyKey(ctx.db, caller.id, idempotencyKey);
    if (earlier !== undefined) return replayOf(ctx, earlier, idempotencyKey, fingerprint);
  }

  const now = ctx.now();
  const { systems } = await customerSystems(ctx.db, customerId, { serialNumber: body.serialNumber });
  const entry = systems[0];
  if (entry === undefined) throw systemNotFound(body.serialNumber);
  const product = entry.system.product;
  // The same rule the app uses to explain why the button is off: answered with its first reason and remedy.
  const entitlement = requestEntitlement(entry.contracts, body.serialNumber, product, now);
  const refusal = entitlement.reasons[0];
  if (refusal !== undefined) {
    // Passed on with its catalog key, so the refusal is written in the reader's language like the verdict was.
    const { code, message, remedy, key, params } = refusal;
    throw HicareError.fromBody(
      { code, message, remedy, ...(key === undefined ? {} : { key }), ...(params === undefined ? {} : { params }) },
      { serialNumber: body.serialNumber, reasons: entitlement.reasons },
    );
  }

  const contract = governingContract(entry.contracts, now);
  if (!entitlement.allowed || contract === undefined) {
    throw new HicareError('CONTRACT_EXPIRED.requestNoContract');
  }

  const submittedAt = toIso(now);
  const autoAccept = ctx.autoAcceptPriorities.includes(body.priority);
  const input: NewRequest = {
    id: newId(),
    customerId,
    contractId: contract.id,
    createdBy: caller.id,
    idempotencyKey,
    bodyHash: fingerprint,
    serialNumber: body.serialNumber,
    product,
    location: body.location,
    faultDescription: body.faultDescription,
    priority: body.priority,
    alarms: body.alarms,
    performanceMeasurements: body.performanceMeasurements ?? null,
    operationRecords: body.operationRecords,
    installFailure: body.installFailure ?? null,
    // Through the transition table like any other acceptance, so the policy cannot do what 'system' may not.
    state: autoAccept ? nextState('submitted', 'accept', 'system') : 'submitted',
    assignedEngineerId: null,
    acceptedBy: autoAccept ? 'system' : null,
    submittedAt,
    acceptedAt: autoAccept ? submittedAt : null,
  };
  const outcome = await insertRequest(ctx.db, input);
  if (!outcome.created) return replayOf(ctx, outcome.record, idempotencyKey ?? '', fingerprint);
  return { request: await publishRequestChanged(ctx, outcome.record), replayed: false };
}
