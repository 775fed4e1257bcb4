/**
 * Remote-access grants (DESIGN.md §3.4): the customer gives the engineer a channel, an account and a password (a
 * strong one generated unless given), for a scope and at most 72 hours. The password is stored encrypted, readable
 * only by the engineer assigned to the request and only while the grant is active (410 once revoked or expired, for
 * everybody), and every attempt to read it is audited, refused ones included. Where and as whom the access is given
 * is shown only to the request's customer and its assigned engineer (grant-views.ts).
 */
import type { Account } from '../../shared/contracts/accounts.js';
import { GrantCreateSchema, type Grant, type GrantCreate } from '../../shared/contracts/requests.js';
import { isTerminal } from '../../shared/domain/request-state.js';
import { HicareError } from '../../shared/errors.js';
import { selectKey } from './select-key.js';
import {
  getGrantRecord,
  grantState,
  grantView,
  insertGrant,
  recordGrantRead,
  revokeGrantRecord,
  type GrantRecord,
} from '../db/grants.js';
import { getRequestRecord, type RequestRecord } from '../db/requests.js';
import type { GrantReadOutcome } from '../db/schema.js';
import { checkInput, newId, toIso } from '../db/support.js';
import { canSee, visibleRequest } from './access.js';
import type { RequestContext } from './context.js';
import { noteContact } from './messages.js';
import { publishGrantChanged, publishRequestChanged } from './notify.js';
import { generatePassword } from './grant-secrets.js';
import { grantFor } from './grant-views.js';

const HOUR_MS = 60 * 60 * 1000;

function grantNotFound(id: string): HicareError {
  return new HicareError('NOT_FOUND.requestGrant', {}, { grantId: id });
}

/** The grant and its request, if the caller may see that request; otherwise "not found", like a grant that never was. */
async function visibleGrant(
  ctx: RequestContext,
  caller: Account,
  id: string,
): Promise<{ grant: GrantRecord; record: RequestRecord }> {
  const grant = await getGrantRecord(ctx.db, id);
  const record = grant === undefined ? undefined : await getRequestRecord(ctx.db, grant.requestId);
  if (grant === undefined || record === undefined || !canSee(caller, record)) throw grantNotFound(id);
  return { grant, record };
}

export async function createGrant(
  ctx: RequestContext,
  caller: Account,
  requestId: string,
  body: GrantCreate,
): Promise<Grant & { password: string }> {
  checkInput(GrantCreateSchema, body, 'remote-access grant');
  const record = await visibleRequest(ctx, caller, requestId);
  if (isTerminal(record.state)) {
    throw new HicareError(
      'ILLEGAL_TRANSITION.requestGrantEnded',
      { number: record.number, state: selectKey(record.state) },
      {
        state: record.state,
      },
    );
  }
  const now = ctx.now();
  const id = newId();
  const password = body.password ?? generatePassword();
  const grant = await insertGrant(
    ctx.db,
    {
      id,
      requestId: record.id,
      channel: body.channel,
      address: body.address,
      account: body.account,
      passwordCipher: await ctx.secrets.encrypt(id, password),
      scope: body.scope,
      createdBy: caller.id,
      createdAt: toIso(now),
      expiresAt: toIso(new Date(now.getTime() + body.expiresInHours * HOUR_MS)),
    },
    now,
  );
  await publishGrantChanged(ctx, record, grant);
  // The customer sees the password once, to set it on their system; afterwards only the assigned engineer can read it.
  return { ...grantView(grant, now), password };
}

export async function getGrant(ctx: RequestContext, caller: Account, id: string): Promise<Grant> {
  const { grant, record } = await visibleGrant(ctx, caller, id);
  return grantFor(caller, record, grant, ctx.now());
}

/** Revoking is immediate and final; revoking a grant that already ended changes nothing and says how it ended. */
export async function revokeGrant(ctx: RequestContext, caller: Account, id: string): Promise<Grant> {
  const { grant, record } = await visibleGrant(ctx, caller, id);
  if (await revokeGrantRecord(ctx.db, grant.id, caller.id, ctx.now())) {
    const revoked = (await getGrantRecord(ctx.db, grant.id)) ?? grant;
    await publishGrantChanged(ctx, record, revoked);
    return grantView(revoked, ctx.now());
  }
  return grantView((await getGrantRecord(ctx.db, grant.id)) ?? grant, ctx.now());
}

async function audit(
  ctx: RequestContext,
  grant: GrantRecord,
  caller: Account,
  at: Date,
  outcome: GrantReadOutcome,
): Promise<void> {
  await recordGrantRead(ctx.db, { id: newId(), grantId: grant.id, accountId: caller.id, at: toIso(at), outcome });
}

export async function readGrantPassword(
  ctx: RequestContext,
  caller: Account,
  id: string,
): Promise<{ password: string }> {
  const { grant, record } = await visibleGrant(ctx, caller, id);
  const now = ctx.now();
  const state = grantState(grant, now);
  if (state === 'revoked') {
    await audit(ctx, grant, caller, now, 'revoked');
    throw new HicareError(
      'GRANT_REVOKED.requestGrant',
      { revokedAt: grant.revokedAt ?? '' },
      {
        grantId: grant.id,
      },
    );
  }
  if (state === 'expired') {
    await audit(ctx, grant, caller, now, 'expired');
    throw new HicareError('GRANT_EXPIRED.requestGrant', { expiresAt: grant.expiresAt }, { grantId: grant.id });
  }
  if (record.assignedEngineerId !== caller.id) {
    await audit(ctx, grant, caller, now, 'not-assigned');
    throw new HicareError(
      'FORBIDDEN.requestGrantNotAssigned',
      { number: record.number },
      {
        grantId: grant.id,
      },
    );
  }
  const password = await ctx.secrets.decrypt(grant.id, grant.passwordCipher);
  // The audit row is written before the password leaves: no read goes unrecorded.
  await audit(ctx, grant, caller, now, 'read');
  if (await noteContact(ctx, record, now)) await publishRequestChanged(ctx, record);
  return { password };
}
