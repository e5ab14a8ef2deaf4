import { describe, expect, it } from "vitest";
import { DEFAULT_WORKSPACES_PER_HOUR, TokenBuckets, parseWorkspacesPerHour } from "./creation-limit";

/** A clock the test moves by hand. */
function fakeClock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe("TokenBuckets", () => {
  it("allows `perHour` creations at once, then refuses with the wait until the next one", () => {
    const clock = fakeClock();
    const buckets = new TokenBuckets(3, clock.now);
    for (let i = 0; i < 3; i += 1) expect(buckets.take("a").allowed).toBe(true);
    expect(buckets.take("a")).toEqual({ allowed: false, retryAfterSeconds: 1200 });
    clock.advance(600_000);
    expect(buckets.take("a")).toEqual({ allowed: false, retryAfterSeconds: 600 });
    clock.advance(600_000);
    expect(buckets.take("a").allowed).toBe(true);
    expect(buckets.take("a").allowed).toBe(false);
  });

  it("keeps one bucket per client", () => {
    const buckets = new TokenBuckets(1, fakeClock().now);
    expect(buckets.take("a").allowed).toBe(true);
    expect(buckets.take("a").allowed).toBe(false);
    expect(buckets.take("b").allowed).toBe(true);
  });

  it("refills at most to its capacity", () => {
    const clock = fakeClock();
    const buckets = new TokenBuckets(2, clock.now);
    buckets.take("a");
    clock.advance(10 * 3_600_000);
    expect([buckets.take("a"), buckets.take("a"), buckets.take("a")].map((r) => r.allowed)).toEqual([true, true, false]);
  });

  it("with 0, never refuses and remembers nobody", () => {
    const buckets = new TokenBuckets(0);
    for (let i = 0; i < 1000; i += 1) expect(buckets.take("a").allowed).toBe(true);
    expect(buckets.size).toBe(0);
  });

  it("forgets clients whose bucket is full again once there are many", () => {
    const clock = fakeClock();
    const buckets = new TokenBuckets(10, clock.now);
    for (let i = 0; i < 10_000; i += 1) buckets.take(`old-${i}`);
    clock.advance(3_600_000);
    buckets.take("new");
    expect(buckets.size).toBe(1);
  });
});

describe("parseWorkspacesPerHour", () => {
  it("defaults to a classroom-friendly rate and refuses nonsense", () => {
    expect(parseWorkspacesPerHour(undefined)).toBe(DEFAULT_WORKSPACES_PER_HOUR);
    expect(DEFAULT_WORKSPACES_PER_HOUR).toBeGreaterThanOrEqual(100);
    expect(parseWorkspacesPerHour("0")).toBe(0);
    expect(parseWorkspacesPerHour(" 50 ")).toBe(50);
    for (const bad of ["-1", "1.5", "lots"]) expect(() => parseWorkspacesPerHour(bad)).toThrow(/CUVEE_WORKSPACES_PER_HOUR/);
  });
});
