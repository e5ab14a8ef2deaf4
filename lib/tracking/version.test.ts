import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CUVEE_VERSION } from "./version";

describe("CUVEE_VERSION", () => {
  it("is package.json's version, so model environments pin what actually runs", () => {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
    expect(CUVEE_VERSION).toBe(pkg.version);
  });
});
