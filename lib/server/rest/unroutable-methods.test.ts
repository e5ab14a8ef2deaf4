import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installUnroutableMethodGuard } from "./unroutable-methods";

/**
 * A real Node HTTP server whose own handler fails every request with a 500, as Next.js does for a
 * method it cannot route: the guard must answer TRACE and other such methods before that handler,
 * and let every routable method through.
 */
let server: http.Server;
let port: number;

beforeAll(async () => {
  installUnroutableMethodGuard();
  server = http.createServer((_request, response) => {
    response.writeHead(500, { "Content-Type": "text/plain" });
    response.end("Internal Server Error");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function send(method: string): Promise<{ status: number; body: string; allow?: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: "127.0.0.1", port, method, path: "/api/2.0/mlflow/runs/get" }, (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => (body += chunk.toString()));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body, allow: response.headers.allow }));
    });
    request.on("error", reject);
    request.end();
  });
}

describe("methods Next.js cannot route", () => {
  it.each(["TRACE", "PROPFIND"])("answers %s with MLflow's 405 before the app's handler", async (method) => {
    const answer = await send(method);
    expect(answer.status).toBe(405);
    expect(JSON.parse(answer.body)).toEqual({ error_code: "ENDPOINT_NOT_FOUND", message: `Method ${method} is not allowed on this server` });
    expect(answer.allow).toBe("GET, HEAD, OPTIONS, POST, PUT, DELETE, PATCH");
  });

  it("answers one that carries a body after reading it, so the client is not reset mid-send", async () => {
    // fetch (undici), as the fuzzer and most clients send: it reports a connection closed under
    // its request as a failure, not as the answer.
    for (const size of [10, 200_000, 4_000_000]) {
      const answer = await fetch(`http://127.0.0.1:${port}/api/2.0/mlflow-artifacts/artifacts`, { method: "PROPFIND", body: "x".repeat(size) });
      expect(answer.status).toBe(405);
      expect(await answer.json()).toMatchObject({ error_code: "ENDPOINT_NOT_FOUND" });
    }
  });

  it("lets every routable method reach the app", async () => {
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]) {
      expect((await send(method)).status, method).toBe(500);
    }
  });
});
