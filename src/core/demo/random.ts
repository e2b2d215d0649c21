/**
 * A small seeded PRNG for the demo data. The demo province must come out the
 * same on every run (tests, screenshots, benchmarks compare against it), so
 * nothing in `demo/` may use Math.random or the clock.
 */

export type Random = {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both ends included. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** Picks an item with probability proportional to its weight (weights > 0). */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
};

/** mulberry32: 32-bit state, fast, good enough for synthetic data. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new RangeError('pick: no items');
    return items[Math.floor(next() * items.length)] as T;
  };
  const weighted = <T>(items: readonly (readonly [T, number])[]): T => {
    let total = 0;
    for (const [, w] of items) total += w;
    if (!(total > 0)) throw new RangeError('weighted: no positive weights');
    let r = next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    // Floating-point rounding can leave r at ~0 after the loop: take the last positive item.
    for (let i = items.length - 1; i >= 0; i--) {
      const entry = items[i];
      if (entry && entry[1] > 0) return entry[0];
    }
    throw new RangeError('weighted: no positive weights');
  };
  return { next, int, pick, weighted };
}

/**
 * FNV-1a over a string, mixed with a seed: a stable 32-bit number per key.
 * Used so a unit's credit code depends on its own code and the seed only,
 * not on how many units were generated before it.
 */
export function hashString(text: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
