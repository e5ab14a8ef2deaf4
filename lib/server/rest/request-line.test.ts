import { describe, expect, it } from "vitest";
import { config, proxy } from "@/proxy";
import { NextRequest } from "next/server";
import {
  MAX_QUERY_STRING_BYTES,
  endpointNotFoundResponse,
  isApiPath,
  isDecodablePath,
  malformedPathResponse,
  overlongQueryResponse,
} from "./request-line";

/** The proxy's matcher as Next compiles it for a path (path-to-regexp leaves this pattern as is). */
const matcher = new RegExp(`^${config.matcher}$`);

/** A deterministic stream of paths made of the characters that matter to percent-decoding. */
function* samplePaths(count: number): Generator<string> {
  const pieces = ["/", "a", "é", "%", "%2", "%zz", "%20", "%2F", "%7f", "%80", "%bf", "%c2", "%C3%A9", "%df", "%e0", "%ed", "%ef", "%f0", "%f4", "%f5", "%ff", "%8f", "%a0", "%9f"];
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  for (let i = 0; i < count; i++) {
    let path = "/";
    for (let n = next() % 8; n >= 0; n--) path += pieces[next() % pieces.length];
    yield path;
  }
}

describe("the proxy's matcher", () => {
  it("matches exactly the paths decodeURIComponent refuses", () => {
    const named = ["/api/2.0/mlflow/%zz", "/w/%zz/api/2.0/mlflow/runs/get", "/api/2.0/mlflow-artifacts/artifacts/%ff", "/a/%", "/a/%c3", "/a/%ed%a0%80"];
    for (const path of named) expect({ path, matched: matcher.test(path) }).toEqual({ path, matched: true });
    const fine = ["/", "/cours/1", "/a%20b", "/a/%C3%A9t%C3%A9", "/a/%f0%9f%98%80", "/_next/static/chunks/x.js", "/api/2.0/mlflow/runs/get"];
    for (const path of fine) expect({ path, matched: matcher.test(path) }).toEqual({ path, matched: false });
    const disagreements = [...samplePaths(20_000)].filter((path) => matcher.test(path) === isDecodablePath(path));
    expect(disagreements).toEqual([]);
  });

  it("answers a malformed path and lets a decodable one through", () => {
    expect(proxy(new NextRequest("http://localhost/api/2.0/mlflow/%zz"))?.status).toBe(400);
    expect(proxy(new NextRequest("http://localhost/a/%252z"))).toBeUndefined();
  });
});

describe("answers about the request line", () => {
  it("knows the API prefixes", () => {
    for (const path of ["/api", "/api/2.0/mlflow", "/api/cuvee/x", "/w/abc/api", "/w/%zz/api/2.0/mlflow/x"]) expect(isApiPath(path)).toBe(true);
    for (const path of ["/", "/apis", "/cours/api", "/w/abc", "/w/abc/apix", "/suivi"]) expect(isApiPath(path)).toBe(false);
  });

  it("answers a malformed path with MLflow's 400 under the API and a French line elsewhere", async () => {
    const api = malformedPathResponse(new Request("http://localhost/w/%zz/api/2.0/mlflow/runs/get"));
    expect(api.status).toBe(400);
    expect(api.headers.get("access-control-allow-origin")).toBe("*");
    const body = await api.json();
    expect(Object.keys(body).sort()).toEqual(["error_code", "message"]);
    expect(body.error_code).toBe("INVALID_PARAMETER_VALUE");
    expect(body.message).toContain("/w/%zz/api/2.0/mlflow/runs/get");
    const page = malformedPathResponse(new Request("http://localhost/cours/%zz"));
    expect(page.status).toBe(400);
    expect(await page.text()).toMatch(/^Adresse invalide/);
  });

  it(`refuses a query string over ${MAX_QUERY_STRING_BYTES} bytes with a 414`, async () => {
    const url = (bytes: number) => `http://localhost/api/2.0/mlflow/runs/get?run_id=${"r".repeat(bytes - "run_id=".length)}`;
    expect(overlongQueryResponse(new Request(url(MAX_QUERY_STRING_BYTES)))).toBeNull();
    expect(overlongQueryResponse(new Request("http://localhost/api/2.0/mlflow/runs/get"))).toBeNull();
    const refused = overlongQueryResponse(new Request(url(MAX_QUERY_STRING_BYTES + 1)))!;
    expect(refused.status).toBe(414);
    expect(await refused.json()).toEqual({
      error_code: "REQUEST_LIMIT_EXCEEDED",
      message: `The query string is ${MAX_QUERY_STRING_BYTES + 1} bytes long; the limit is ${MAX_QUERY_STRING_BYTES} bytes.`,
    });
  });

  it("answers an unknown path with ENDPOINT_NOT_FOUND", async () => {
    const response = endpointNotFoundResponse(new Request("http://localhost/api/2.0/mlflow", { method: "POST" }));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error_code: "ENDPOINT_NOT_FOUND", message: "No API endpoint at POST /api/2.0/mlflow" });
  });
});
