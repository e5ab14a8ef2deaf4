import { describe, expect, it } from "vitest";
import type { ChangeEvent, ChangeScope } from "@/lib/tracking/protocol/changes";
import { createInProcessChangeBus, missedWrites } from "./bus";

const runsOf = (id: string): ChangeScope => ({ experiments: false, runsOf: [id], runs: [], models: false });

describe("the in-process change bus", () => {
  it("counts each workspace's writes on its own, from <epoch>.0", () => {
    const bus = createInProcessChangeBus("e1");
    expect(bus.cursor("a")).toBe("e1.0");
    expect(bus.publish("a", runsOf("1")).cursor).toBe("e1.1");
    expect(bus.publish("a", runsOf("1")).cursor).toBe("e1.2");
    expect(bus.publish("b", runsOf("1")).cursor).toBe("e1.1");
    expect([bus.cursor("a"), bus.cursor("b"), bus.cursor("c")]).toEqual(["e1.2", "e1.1", "e1.0"]);
  });

  it("tells a workspace's subscribers of its writes only, with the scope and the new cursor", () => {
    const bus = createInProcessChangeBus("e1");
    const seen: ChangeEvent[] = [];
    bus.subscribe("a", (event) => seen.push(event));
    bus.publish("b", runsOf("9"));
    bus.publish("a", { experiments: true, runsOf: [], runs: ["r"], models: true });
    expect(seen).toEqual([{ cursor: "e1.1", experiments: true, runsOf: [], runs: ["r"], models: true }]);
  });

  it("forgets a workspace once its last subscriber leaves, and unsubscribing twice is harmless", () => {
    const bus = createInProcessChangeBus("e1");
    const seen: string[] = [];
    const first = bus.subscribe("a", () => seen.push("first"));
    const second = bus.subscribe("a", () => seen.push("second"));
    expect(bus.subscribedWorkspaces).toBe(1);
    first();
    first();
    bus.publish("a", runsOf("1"));
    expect(seen).toEqual(["second"]);
    second();
    expect(bus.subscribedWorkspaces).toBe(0);
  });

  it("keeps telling the other subscribers when one throws", () => {
    const bus = createInProcessChangeBus("e1");
    const seen: string[] = [];
    bus.subscribe("a", () => {
      throw new Error("broken socket");
    });
    bus.subscribe("a", (event) => seen.push(event.cursor));
    const quiet = console.error;
    console.error = () => {};
    try {
      expect(() => bus.publish("a", runsOf("1"))).not.toThrow();
    } finally {
      console.error = quiet;
    }
    expect(seen).toEqual(["e1.1"]);
  });

  it("names each process's counting differently, so that a cursor from before a restart is not current", () => {
    const before = createInProcessChangeBus();
    const after = createInProcessChangeBus();
    expect(before.cursor("a")).not.toBe(after.cursor("a"));
    expect(missedWrites(before.cursor("a"), after.cursor("a"))).toBe(true);
  });
});

describe("whether a reader missed writes", () => {
  it("is false only for the current cursor", () => {
    expect(missedWrites("e1.3", "e1.3")).toBe(false);
    expect(missedWrites("e1.2", "e1.3")).toBe(true);
    expect(missedWrites(null, "e1.0")).toBe(true);
    expect(missedWrites("garbage", "e1.0")).toBe(true);
  });
});
