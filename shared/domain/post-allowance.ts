/**
 * How often one account may post to the community. The limits are counted over the account's posts in the database,
 * not in a process's memory, so every portal instance behind the load balancer enforces the same allowance.
 *
 * Five posts in ten minutes lets someone ask and follow up on a few answers in one sitting; thirty a day is more than
 * any person writes by hand, and stops a script or a stolen token from flooding the community.
 */

export interface PostWindow {
  /** Names the window in the refusal. */
  id: 'tenMinutes' | 'day';
  seconds: number;
  limit: number;
}

export const POST_WINDOWS: readonly PostWindow[] = [
  { id: 'tenMinutes', seconds: 10 * 60, limit: 5 },
  { id: 'day', seconds: 24 * 60 * 60, limit: 30 },
];

/** The longest window: how far back the posts to count go. */
export const POST_WINDOW_SPAN_SECONDS = Math.max(...POST_WINDOWS.map((w) => w.seconds));

export type PostAllowance =
  { allowed: true } | { allowed: false; window: PostWindow; retryAfterSeconds: number; retryAt: Date };

/**
 * Whether one more post fits, given the instants (ms) of the account's posts within the longest window. When it does
 * not, the wait is until enough of the oldest posts in the fullest window have left it; of several full windows the
 * one with the longest wait is named, since posting before then would be refused again.
 */
export function postAllowance(
  postedAt: readonly number[],
  now: Date,
  windows: readonly PostWindow[] = POST_WINDOWS,
): PostAllowance {
  const at = now.getTime();
  let worst: { window: PostWindow; freeAt: number } | undefined;
  for (const window of windows) {
    const start = at - window.seconds * 1000;
    const inside = postedAt.filter((t) => t > start && t <= at).sort((a, b) => a - b);
    if (inside.length < window.limit) continue;
    // The post whose leaving brings the count below the limit.
    const leaving = inside[inside.length - window.limit] ?? at;
    const freeAt = leaving + window.seconds * 1000;
    if (worst === undefined || freeAt > worst.freeAt) worst = { window, freeAt };
  }
  if (worst === undefined) return { allowed: true };
  const retryAfterSeconds = Math.max(1, Math.ceil((worst.freeAt - at) / 1000));
  return {
    allowed: false,
    window: worst.window,
    retryAfterSeconds,
    retryAt: new Date(at + retryAfterSeconds * 1000),
  };
}
