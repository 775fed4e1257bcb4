/** The hot path's short memory: fresh for its few seconds, bounded, and never keeping what a change overtook. */
import { describe, expect, it } from 'vitest';
import { BriefCache } from '../../../portal/db/brief-cache.js';

function cacheWithClock(maxEntries = 3): { cache: BriefCache<string>; clock: { now: number } } {
  const clock = { now: 0 };
  return { cache: new BriefCache<string>({ ttlMs: 5_000, maxEntries, clock: () => clock.now }), clock };
}

describe('the brief cache', () => {
  it('answers from memory while fresh, and reads again once the time is up', async () => {
    const { cache, clock } = cacheWithClock();
    let loads = 0;
    const load = (): Promise<string> => Promise.resolve(`value ${++loads}`);
    expect(await cache.lookup('k', load)).toBe('value 1');
    clock.now = 4_999;
    expect(await cache.lookup('k', load)).toBe('value 1');
    clock.now = 5_000;
    expect(await cache.lookup('k', load)).toBe('value 2');
  });

  it('does not remember what was not found', async () => {
    const { cache } = cacheWithClock();
    await cache.lookup('missing', () => Promise.resolve(undefined));
    expect(cache.size).toBe(0);
  });

  it('keeps at most its size, dropping the oldest entry', async () => {
    const { cache } = cacheWithClock(2);
    for (const key of ['a', 'b', 'c']) await cache.lookup(key, () => Promise.resolve(key));
    expect(cache.size).toBe(2);
    expect(await cache.lookup('a', () => Promise.resolve('a again'))).toBe('a again');
  });

  it('forgets what it is told to, and does not keep a read that a change overtook', async () => {
    const { cache } = cacheWithClock();
    await cache.lookup('k', () => Promise.resolve('old'));
    cache.forget((value) => value === 'old');
    expect(await cache.lookup('k', () => Promise.resolve('new'))).toBe('new');

    let finish: (value: string) => void = () => undefined;
    const reading = cache.lookup('slow', () => new Promise<string>((resolve) => (finish = resolve)));
    cache.forget(() => true);
    finish('read before the change');
    expect(await reading).toBe('read before the change');
    expect(await cache.lookup('slow', () => Promise.resolve('read after'))).toBe('read after');
  });
});
