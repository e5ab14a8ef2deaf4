/** The body reader stops at its ceiling: what it pulled from the stream is counted. */
import { describe, expect, it } from "vitest";
import { BodyTooLargeError, byteLimitFromEnv, readBodyWithin } from "./body";
import { countedBody, streamedRequest } from "./testing";

describe("readBodyWithin", () => {
  it("reads a body up to the ceiling, whole", async () => {
    const body = countedBody(1000, 100);
    const bytes = await readBodyWithin(streamedRequest(body.stream), 1000);
    expect(bytes.byteLength).toBe(1000);
    expect(body.pulled()).toBe(1000);
  });

  it("stops reading one chunk past the ceiling, however long the body", async () => {
    const body = countedBody(100_000_000, 64 * 1024);
    const error = await readBodyWithin(streamedRequest(body.stream), 1_000_000).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BodyTooLargeError);
    expect(error).toMatchObject({ limit: 1_000_000, sizeIsExact: false });
    expect(body.pulled()).toBeLessThanOrEqual(1_000_000 + 2 * 64 * 1024);
    expect(body.cancelled()).toBe(true);
  });

  it("refuses a declared length over the ceiling without reading a byte", async () => {
    const body = countedBody(5000, 100);
    const request = streamedRequest(body.stream, { "content-length": "5000" });
    const error = await readBodyWithin(request, 4999).catch((e: unknown) => e);
    expect(error).toMatchObject({ limit: 4999, size: 5000, sizeIsExact: true });
    expect(body.pulled()).toBe(0);
  });

  it("reads an absent body as empty", async () => {
    const bytes = await readBodyWithin(new Request("http://cuvee.test/", { method: "POST" }), 10);
    expect(bytes.byteLength).toBe(0);
  });
});

describe("byteLimitFromEnv", () => {
  it("takes a positive integer and falls back on anything else", () => {
    expect(byteLimitFromEnv("X", 7, { X: "2048" })).toBe(2048);
    for (const raw of [undefined, "", "0", "-5", "1e6", "10MB", "abc"]) {
      expect(byteLimitFromEnv("X", 7, raw === undefined ? {} : { X: raw })).toBe(7);
    }
  });
});
