/**
 * A small seeded PRNG (mulberry32) and the draws the fuzzer needs. Own code, so that a seed means
 * the same requests on every machine and every Node version, without a dependency.
 */

export type Random = ReturnType<typeof seededRandom>;

/** 32-bit mixing of a seed and an index: request `i` of seed `s` is drawn from its own stream. */
export function streamSeed(seed: number, index: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (index + 0x7f4a7c15), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

export function seededRandom(seed: number) {
  let state = seed >>> 0;
  /** mulberry32: a float in [0, 1). */
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  /** An integer in [min, max]. */
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const chance = (p: number): boolean => next() < p;
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[int(0, items.length - 1)] as T;
  };
  /** Picks by weight: `[[3, "a"], [1, "b"]]` gives "a" three times out of four. */
  const weighted = <T>(entries: readonly (readonly [number, T])[]): T => {
    const total = entries.reduce((sum, [w]) => sum + w, 0);
    let x = next() * total;
    for (const [w, value] of entries) {
      x -= w;
      if (x < 0) return value;
    }
    return entries[entries.length - 1]![1];
  };
  const hex = (length: number): string => Array.from({ length }, () => "0123456789abcdef"[int(0, 15)]).join("");
  const word = (min = 1, max = 12): string =>
    Array.from({ length: int(min, max) }, () => "abcdefghijklmnopqrstuvwxyz0123456789_-"[int(0, 37)]).join("");
  return { next, int, chance, pick, weighted, hex, word };
}
