/**
 * Automatic closure: a request the customer confirmed is closed by the portal ('system') once
 * `autoCloseAfterHours` have passed without an engineer closing it, so the survey invitation is not held up.
 */
import { isHicareError } from '../../shared/errors.js';
import { listRequestRecords } from '../db/requests.js';
import type { RequestContext } from './context.js';
import { actAsSystem } from './transitions.js';

/** Closes every confirmed request past the delay; returns the numbers it closed. */
export async function closeConfirmedRequests(ctx: RequestContext): Promise<string[]> {
  const cutoff = new Date(ctx.now().getTime() - ctx.autoCloseAfterHours * 60 * 60 * 1000);
  const closed: string[] = [];
  for (const record of await listRequestRecords(ctx.db, { state: 'confirmed', confirmedBefore: cutoff })) {
    try {
      await actAsSystem(ctx, record, 'close');
      closed.push(record.number);
    } catch (error) {
      // Closed (or reopened) by somebody in the meantime: nothing left to do for this one.
      if (!isHicareError(error) || error.code !== 'ILLEGAL_TRANSITION') throw error;
    }
  }
  return closed;
}

/** Runs closeConfirmedRequests every `ctx.autoCloseEveryMs` (none when 0); returns the function that stops it. */
export function scheduleAutoClose(ctx: RequestContext, onError: (error: unknown) => void): () => void {
  if (ctx.autoCloseEveryMs <= 0) return () => undefined;
  let running = false;
  const timer = setInterval(() => {
    // A slow database must not pile sweeps on top of each other.
    if (running) return;
    running = true;
    closeConfirmedRequests(ctx)
      .catch(onError)
      .finally(() => {
        running = false;
      });
  }, ctx.autoCloseEveryMs);
  timer.unref();
  return () => clearInterval(timer);
}
