/**
 * A public deployment through a real `next start`: redirects on the origin the browser used
 * (never Next's localhost), no open redirect, the proxy's headers believed only when trusted,
 * the per-client limit on new workspaces (not escaped by forging X-Forwarded-For), and the
 * default workspace read-only or off. Besides the suite's server, two more are started with
 * other settings.
 */
import http from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppServer } from "./app-server";
import { baseUrl } from "./helpers";

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A GET with any headers, Host included (fetch would not send a Host other than the URL's). */
function get(base: string, pathAndQuery: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const request = http.request({ hostname, port, path: pathAndQuery, method: "GET", headers }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on("error", reject);
    request.end();
  });
}

function cookieOf(response: RawResponse): string | undefined {
  return /cuvee_ws=([^;]*)/.exec((response.headers["set-cookie"] ?? []).join("\n"))?.[1];
}

const temporaryDirs: string[] = [];
async function startConfigured(env: Record<string, string>): Promise<AppServer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "cuvee-public-"));
  temporaryDirs.push(dir);
  const unset = { CUVEE_PUBLIC_URL: "", CUVEE_TRUST_PROXY: "", CUVEE_WORKSPACES_PER_HOUR: "", CUVEE_DEFAULT_WORKSPACE: "" };
  return startApp({
    env: { ...unset, DATABASE_URL: `file:${path.join(dir, "test.db")}`, CUVEE_ARTIFACTS_DIR: path.join(dir, "artifacts"), ...env },
    readyPath: "/api/cuvee/health",
  });
}

let behindProxy: AppServer;
let publicUrl: AppServer;

beforeAll(async () => {
  [behindProxy, publicUrl] = await Promise.all([
    startConfigured({ CUVEE_TRUST_PROXY: "1", CUVEE_WORKSPACES_PER_HOUR: "2", CUVEE_DEFAULT_WORKSPACE: "read-only" }),
    startConfigured({ CUVEE_PUBLIC_URL: "https://cuvee.example.net", CUVEE_WORKSPACES_PER_HOUR: "2", CUVEE_DEFAULT_WORKSPACE: "off" }),
  ]);
}, 180_000);

afterAll(async () => {
  await Promise.all([behindProxy?.stop(), publicUrl?.stop()]);
  for (const dir of temporaryDirs) rmSync(dir, { recursive: true, force: true });
});

describe("redirects on the suite's server (no proxy trusted, defaults)", () => {
  it("go to the Host the browser used, not Next's localhost", async () => {
    const host = new URL(baseUrl()).host; // 127.0.0.1:<port>
    const session = await get(baseUrl(), "/api/cuvee/session?next=/cours/2", { host });
    expect(session.status).toBe(303);
    expect(session.headers.location).toBe(`http://${host}/cours/2`);
    expect(session.headers["set-cookie"]?.join()).not.toMatch(/Secure/i);
    const id = cookieOf(session)!;
    const resume = await get(baseUrl(), `/reprendre/${id}`, { host: "cours.example.org" });
    expect(resume.headers.location).toBe("http://cours.example.org/cours");
    expect(cookieOf(resume)).toBe(id);
  });

  it("from a page without a workspace, stay on the browser's origin", async () => {
    const page = await get(baseUrl(), "/cours", { host: "cours.example.org" });
    expect(page.status).toBe(307);
    const location = new URL(page.headers.location!, "http://cours.example.org/cours");
    expect(location.origin).toBe("http://cours.example.org");
    expect(location.pathname).toBe("/api/cuvee/session");
  });

  it("ignore X-Forwarded-Host and X-Forwarded-Proto from an untrusted client", async () => {
    const response = await get(baseUrl(), "/api/cuvee/session?next=/cours", {
      host: "10.0.0.5:3000",
      "x-forwarded-host": "evil.example",
      "x-forwarded-proto": "https",
    });
    expect(response.headers.location).toBe("http://10.0.0.5:3000/cours");
  });

  it.each(["/%09/evil.com", "/%0A/evil.com", "/%0D/evil.com", "//evil.com", "/\\evil.com", "/%5Cevil.com", "/%2F/evil.com", "https://evil.com"])(
    "never leave the origin: next=%s",
    async (next) => {
      const host = new URL(baseUrl()).host;
      const response = await get(baseUrl(), `/api/cuvee/session?next=${next}`, { host });
      expect(response.status).toBe(303);
      expect(response.headers.location).toBe(`http://${host}/cours`);
    },
  );

  it("never adopt the default workspace from the resume link", async () => {
    const response = await get(baseUrl(), "/reprendre/default");
    expect(response.headers.location).toMatch(/\/cours\?reprise=introuvable$/);
    expect(response.headers["set-cookie"]).toBeUndefined();
  });
});

describe("behind a trusted proxy (CUVEE_TRUST_PROXY=1)", () => {
  it("redirects to the proxy's public origin, with a Secure cookie over https", async () => {
    const response = await get(behindProxy.baseUrl, "/api/cuvee/session?next=/suivi", {
      host: "app:3000",
      "x-forwarded-host": "cours.example.org",
      "x-forwarded-proto": "https",
      "x-forwarded-for": "198.51.100.1",
    });
    expect(response.headers.location).toBe("https://cours.example.org/suivi");
    expect(response.headers["set-cookie"]?.join()).toMatch(/;\s*Secure/i);
  });

  it("limits new workspaces per address the proxy saw (a forged X-Forwarded-For prefix aside), with a French 429 page", async () => {
    let n = 0;
    // What the proxy forwards: the client's forged value, then the address it saw.
    const from = (client: string) => get(behindProxy.baseUrl, "/api/cuvee/session", { "x-forwarded-for": `203.0.113.${(n += 1)}, ${client}` });
    expect((await from("198.51.100.20")).status).toBe(303);
    expect((await from("198.51.100.20")).status).toBe(303);
    const refused = await from("198.51.100.20");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
    expect(refused.body).toContain("Trop de nouveaux espaces de travail");
    expect(cookieOf(refused)).toBeUndefined();
    expect((await from("198.51.100.21")).status).toBe(303);
  });

  it("keeps the default workspace read-only: reads answer, writes get PERMISSION_DENIED", async () => {
    const read = await fetch(`${behindProxy.baseUrl}/api/2.0/mlflow/experiments/get?experiment_id=0`);
    expect(read.status).toBe(200);
    const write = await fetch(`${behindProxy.baseUrl}/api/2.0/mlflow/experiments/create`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ name: "nope" }),
    });
    expect(write.status).toBe(403);
    expect((await write.json()).error_code).toBe("PERMISSION_DENIED");
  });
});

describe("with CUVEE_PUBLIC_URL and no proxy trusted", () => {
  it("redirects to CUVEE_PUBLIC_URL whatever the headers, with a Secure cookie", async () => {
    const response = await get(publicUrl.baseUrl, "/api/cuvee/session?next=/cours/4", { "x-forwarded-host": "evil.example" });
    expect(response.headers.location).toBe("https://cuvee.example.net/cours/4");
    expect(response.headers["set-cookie"]?.join()).toMatch(/;\s*Secure/i);
  });

  it("counts the socket's address: a forged X-Forwarded-For does not escape the limit", async () => {
    // The previous test used one of this address's two workspaces.
    const forged = (value: string) => get(publicUrl.baseUrl, "/api/cuvee/session", { "x-forwarded-for": value });
    expect((await forged("203.0.113.1")).status).toBe(303);
    expect((await forged("203.0.113.2")).status).toBe(429);
  });

  it("answers 404 for the un-prefixed API when the default workspace is off", async () => {
    const response = await fetch(`${publicUrl.baseUrl}/api/2.0/mlflow/experiments/get?experiment_id=0`);
    expect(response.status).toBe(404);
    expect((await response.json()).error_code).toBe("ENDPOINT_NOT_FOUND");
  });
});
