/**
 * Waiting between attempts: exponential, so a struggling server is not hammered, with jitter, so many clients cut
 * off at the same moment do not all come back at the same moment. A pause or cancel ends the wait at once.
 */
export interface Backoff {
  baseMs: number;
  maxMs: number;
}

/** Delay before retry number `retry` (1 for the first): half the exponential step fixed, half random. */
export function backoffDelay(retry: number, backoff: Backoff, random: () => number = Math.random): number {
  const step = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, retry - 1));
  return Math.round(step / 2 + random() * (step / 2));
}

export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
