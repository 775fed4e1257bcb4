/**
 * Publishing what changed on a request to the live event bus, after it is stored, in the shapes the stream sends.
 * Each waits until the event is stored, so that events of one call keep their order.
 */
import type { Message, ServiceRequest } from '../../shared/contracts/requests.js';
import type { RequestRecord } from '../db/requests.js';
import { grantView, type GrantRecord } from '../db/grants.js';
import type { RequestContext } from './context.js';
import { withoutAccess } from './grant-views.js';
import { currentView } from './views.js';

/** Publishes the request as it now is, and returns that view (the caller usually answers with it). */
export async function publishRequestChanged(
  ctx: RequestContext,
  record: Pick<RequestRecord, 'id' | 'customerId'>,
): Promise<ServiceRequest> {
  const request = await currentView(ctx, record.id);
  await ctx.events.publish(record.customerId, { type: 'request.changed', request });
  return request;
}

export async function publishMessage(
  ctx: RequestContext,
  record: Pick<RequestRecord, 'customerId' | 'number'>,
  message: Message,
): Promise<void> {
  await ctx.events.publish(record.customerId, {
    type: 'request.message',
    requestId: message.requestId,
    number: record.number,
    message,
  });
}

/** Every engineer hears the event, so it never carries the address or account: the page reloads them as allowed. */
export async function publishGrantChanged(
  ctx: RequestContext,
  record: Pick<RequestRecord, 'customerId' | 'number'>,
  grant: GrantRecord,
): Promise<void> {
  await ctx.events.publish(record.customerId, {
    type: 'grant.changed',
    requestId: grant.requestId,
    number: record.number,
    grant: withoutAccess(grantView(grant, ctx.now())),
  });
}
