import { describe, expect, it } from "vitest";
import { buildSandboxWorker } from "./sandbox-bundle";

describe("buildSandboxWorker", () => {
  it("is one classic script that imports nothing (a blob: worker on an opaque origin can load nothing else)", async () => {
    const script = await buildSandboxWorker();
    expect(script.length).toBeGreaterThan(10_000);
    // The browser alias took node:fs/promises (no Node built-in left to load).
    expect(/(require|import)\(\s*["'](node:)?fs/.test(script)).toBe(false);
    // It parses as a classic script: a static `import` or `export` would not.
    expect(() => new Function(script)).not.toThrow();
    // A whole esbuild run: seconds on a loaded machine.
  }, 120_000);
});
