import { describe, expect, it } from "vitest";
import { flushPending, pendingCount, track, trackCall } from "./pending";

describe("pending requests", () => {
  it("waits for requests nobody awaited, failed or not", async () => {
    let resolved = false;
    void track(new Promise((resolve) => setTimeout(() => resolve((resolved = true)), 5)));
    // The caller's promise still carries the failure, to whoever awaits it.
    const refused = expect(track(Promise.reject(new Error("refusé")))).rejects.toThrow("refusé");
    expect(pendingCount()).toBe(2);
    await flushPending();
    expect(resolved).toBe(true);
    expect(pendingCount()).toBe(0);
    await refused;
  });

  it("gives a call's failure the stack of the call, where the learner's line is", async () => {
    // The failure is made later, in a timer: its own stack does not reach this function.
    const failLater = () => new Promise<never>((_, reject) => setTimeout(() => reject(new Error("refusé")), 1));
    function learnerCodeCallingTheSdk() {
      return trackCall(failLater);
    }
    const error = await learnerCodeCallingTheSdk().catch((e: unknown) => e as Error);
    expect(error.message).toBe("refusé");
    expect(error.stack).toMatch(/^Error: refusé\n/);
    expect(error.stack).toContain("learnerCodeCallingTheSdk");
    expect(pendingCount()).toBe(0);
  });

});
