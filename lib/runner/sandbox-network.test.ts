import { describe, expect, it } from "vitest";
import { isUnderTrackingUri, restrictFetch } from "./sandbox-network";

const TRACKING = "http://localhost:3000/w/abc";

/** A scope whose fetch records what reached it: the boundary the wrapper guards. */
function scopeRecording() {
  const reached: Request[] = [];
  const scope = { fetch: (async (input: RequestInfo | URL) => {
    reached.push(input as Request);
    return new Response("{}");
  }) as typeof fetch };
  return { scope, reached };
}

describe("isUnderTrackingUri", () => {
  it("accepts the tracking URI and what is under it, nothing beside it", () => {
    expect(isUnderTrackingUri(new URL("http://localhost:3000/w/abc/api/2.0/mlflow/runs/create"), TRACKING)).toBe(true);
    expect(isUnderTrackingUri(new URL("http://localhost:3000/w/abc"), TRACKING)).toBe(true);
    expect(isUnderTrackingUri(new URL("http://localhost:3000/w/abcd/api"), TRACKING)).toBe(false);
    expect(isUnderTrackingUri(new URL("http://localhost:3000/api/cuvee/health"), TRACKING)).toBe(false);
    expect(isUnderTrackingUri(new URL("http://evil.example/w/abc/api"), TRACKING)).toBe(false);
  });
});

describe("restrictFetch", () => {
  it("refuses other URLs in French before any request leaves, and sends the tracking calls without credentials", async () => {
    const { scope, reached } = scopeRecording();
    restrictFetch(scope, TRACKING);
    await expect(scope.fetch("/api/cuvee/health")).rejects.toThrow("Requête refusée vers http://localhost:3000/api/cuvee/health");
    await expect(scope.fetch("https://example.invalid/")).rejects.toThrow("ne peut joindre que le serveur de suivi de votre espace (http://localhost:3000/w/abc)");
    await expect(scope.fetch(new Request("http://localhost:3000/w/other/api"))).rejects.toThrow(TypeError);
    expect(reached).toHaveLength(0);

    await scope.fetch(`${TRACKING}/api/2.0/mlflow/experiments/search`, { method: "POST", body: "{}", credentials: "include" });
    expect(reached).toHaveLength(1);
    expect(reached[0]?.url).toBe(`${TRACKING}/api/2.0/mlflow/experiments/search`);
    expect(reached[0]?.method).toBe("POST");
    expect(reached[0]?.credentials).toBe("omit");
  });

  it("sends JSON POSTs as text/plain (no CORS preflight from the opaque origin), body and other methods untouched", async () => {
    const { scope, reached } = scopeRecording();
    restrictFetch(scope, TRACKING);
    const json = { "Content-Type": "application/json" };
    await scope.fetch(`${TRACKING}/api/2.0/mlflow/runs/create`, { method: "POST", body: '{"experiment_id":"0"}', headers: json });
    await scope.fetch(`${TRACKING}/api/2.0/mlflow/registered-models/update`, { method: "PATCH", body: "{}", headers: json });
    await scope.fetch(`${TRACKING}/api/2.0/mlflow/experiments/get?experiment_id=0`);
    expect(reached[0]?.headers.get("content-type")).toBe("text/plain;charset=UTF-8");
    expect(await reached[0]?.text()).toBe('{"experiment_id":"0"}');
    expect(reached[0]?.credentials).toBe("omit");
    expect(reached[1]?.headers.get("content-type")).toBe("application/json");
    expect(reached[2]?.headers.get("content-type")).toBeNull();
  });

  it("cannot be put back by learner code", () => {
    const { scope } = scopeRecording();
    restrictFetch(scope, TRACKING);
    expect(() => Object.assign(scope, { fetch: () => undefined })).toThrow(TypeError);
  });
});
