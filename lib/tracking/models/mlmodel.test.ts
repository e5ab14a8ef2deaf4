import { afterEach, describe, expect, it, vi } from "vitest";
import { newModelUuid } from "./mlmodel";

describe("newModelUuid", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("is a version-4 UUID in hex, as Python's uuid.uuid4().hex", () => {
    const ids = new Set(Array.from({ length: 200 }, () => newModelUuid()));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{12}4[0-9a-f]{3}[89ab][0-9a-f]{15}$/);
  });

  it("needs no secure context: works where crypto.randomUUID is missing (the sandbox's opaque origin on http)", () => {
    const { getRandomValues } = globalThis.crypto;
    vi.stubGlobal("crypto", { getRandomValues: getRandomValues.bind(globalThis.crypto) });
    expect(newModelUuid()).toMatch(/^[0-9a-f]{32}$/);
  });
});
