import { describe, expect, it } from "vitest";
import { warmUpSandbox } from "./sandbox-warm-up";

describe("warmUpSandbox", () => {
  it("runs the kit and the transpiler on its tiny inputs without error", () => {
    expect(() => warmUpSandbox()).not.toThrow();
  });
});
