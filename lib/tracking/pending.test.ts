import { describe, expect, it } from "vitest";
import { flushPending, pendingCount, track } from "./pending";

describe("pending requests", () => {
  it("flushes requests nobody awaited and returns their errors", async () => {
    let resolved = false;
    track(new Promise((resolve) => setTimeout(() => resolve((resolved = true)), 5)));
    track(Promise.reject(new Error("refusé")));
    expect(pendingCount()).toBe(2);
    const errors = await flushPending();
    expect(resolved).toBe(true);
    expect(errors.map((error) => (error as Error).message)).toEqual(["refusé"]);
    expect(pendingCount()).toBe(0);
  });
});
