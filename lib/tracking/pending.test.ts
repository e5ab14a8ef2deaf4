import { describe, expect, it } from "vitest";
import { flushPending, pendingCount, track } from "./pending";

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

});
