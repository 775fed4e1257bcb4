import { describe, expect, it } from 'vitest';
import { postAllowance, POST_WINDOWS } from '../../../shared/domain/post-allowance.js';

const NOW = new Date('2026-11-24T10:00:00.000Z');
const minutesAgo = (m: number) => NOW.getTime() - m * 60_000;

describe('how often one account may post', () => {
  it.each([
    ['no posts', [], true],
    ['four posts in ten minutes', [1, 2, 3, 4].map(minutesAgo), true],
    ['five posts spread over the last hours', [11, 20, 30, 40, 50].map(minutesAgo), true],
    [
      '29 posts in a day, none in the last ten minutes',
      Array.from({ length: 29 }, (_, i) => minutesAgo(20 + i * 30)),
      true,
    ],
  ] as const)('allows one more after %s', (_case, posts, allowed) => {
    expect(postAllowance(posts, NOW).allowed).toBe(allowed);
  });

  it('refuses a sixth post within ten minutes until the oldest of the five is ten minutes old', () => {
    const verdict = postAllowance([9, 5, 4, 3, 1].map(minutesAgo), NOW);
    expect(verdict).toMatchObject({ allowed: false, window: { id: 'tenMinutes' }, retryAfterSeconds: 60 });
    if (!verdict.allowed) expect(verdict.retryAt.toISOString()).toBe('2026-11-24T10:01:00.000Z');
  });

  it('counts only the posts that must leave: of seven in ten minutes, the third oldest', () => {
    const verdict = postAllowance([9, 8, 7, 3, 2, 1, 0.5].map(minutesAgo), NOW);
    expect(verdict).toMatchObject({ allowed: false, retryAfterSeconds: 3 * 60 });
  });

  it('refuses the 31st post in a day, naming the day, until the oldest is a day old', () => {
    const posts = Array.from({ length: 30 }, (_, i) => minutesAgo(60 + i * 40));
    const verdict = postAllowance(posts, NOW);
    const oldest = Math.min(...posts);
    expect(verdict).toMatchObject({
      allowed: false,
      window: { id: 'day' },
      retryAfterSeconds: Math.ceil((oldest + 86_400_000 - NOW.getTime()) / 1000),
    });
  });

  it('names the window with the longer wait when both are full', () => {
    const posts = [...Array.from({ length: 25 }, (_, i) => 30 + i * 10), 5, 4, 3, 2, 1].map(minutesAgo);
    const verdict = postAllowance(posts, NOW);
    expect(verdict).toMatchObject({ allowed: false, window: { id: 'day' } });
  });

  it('waits at least a second', () => {
    const verdict = postAllowance([10 - 1 / 600, 1, 1, 1, 1].map(minutesAgo), NOW);
    expect(verdict).toMatchObject({ allowed: false, retryAfterSeconds: 1 });
  });

  it('ignores posts stamped after now (a clock moved back)', () => {
    expect(postAllowance([1, 2, 3, 4, -5].map(minutesAgo), NOW).allowed).toBe(true);
  });

  it('has the limits the refusal names', () => {
    expect(POST_WINDOWS.map((w) => [w.id, w.limit, w.seconds])).toEqual([
      ['tenMinutes', 5, 600],
      ['day', 30, 86_400],
    ]);
  });
});
