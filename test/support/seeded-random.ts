/**
 * A small seeded random generator (mulberry32): numbers in [0, 1) that are the same for the same seed, so a test
 * that draws its faults or its data from it can be replayed from the seed it prints, and a benchmark measures the
 * same input every run.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
