import { describe, expect, it } from "vitest";
import { DEFAULT_STREAM_LIMITS, StreamSlots, streamLimitsFromEnv } from "./slots";

describe("stream slots", () => {
  it("refuses beyond the per-workspace limit, then beyond the total, and gives slots back once each", () => {
    const slots = new StreamSlots({ perWorkspace: 2, total: 3 });
    const a1 = slots.take("a");
    const a2 = slots.take("a");
    expect(slots.take("a")).toEqual({ granted: false, full: "workspace" });
    const b1 = slots.take("b");
    expect(slots.take("c")).toEqual({ granted: false, full: "server" });
    expect([a1.granted, a2.granted, b1.granted]).toEqual([true, true, true]);
    if (!a1.granted || !a2.granted || !b1.granted) return;
    a1.release();
    a1.release();
    expect(slots.openStreams()).toBe(2);
    expect(slots.openStreams("a")).toBe(1);
    expect(slots.take("c").granted).toBe(true);
    a2.release();
    b1.release();
    expect(slots.openStreams("a")).toBe(0);
    expect(slots.openStreams()).toBe(1);
  });

  it("reads its limits from the environment, keeping the defaults for a typo", () => {
    expect(streamLimitsFromEnv({ CUVEE_CHANGE_STREAMS_PER_WORKSPACE: "4", CUVEE_CHANGE_STREAMS_TOTAL: "50" })).toEqual({ perWorkspace: 4, total: 50 });
    expect(streamLimitsFromEnv({ CUVEE_CHANGE_STREAMS_PER_WORKSPACE: "four", CUVEE_CHANGE_STREAMS_TOTAL: "0" })).toEqual(DEFAULT_STREAM_LIMITS);
  });
});
