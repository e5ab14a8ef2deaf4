/** The session and resume routes in-process, on a fresh SQLite file. */
import { NextRequest } from "next/server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/lib/server/db";
import { tempSqliteDatabase, type TempDatabase } from "@/lib/server/db/testing";
import { createWorkspace, ensureWorkspace, workspaceExists } from "@/lib/server/workspaces";
import { resetWorkspaceCreationLimiter } from "@/lib/server/workspaces/creation-limit";
import { SOCKET_ADDRESS_HEADER } from "./client-address";
import { openSession, resumeWorkspace } from "./routes";

const VARIABLES = ["DATABASE_URL", "CUVEE_PUBLIC_URL", "CUVEE_TRUST_PROXY", "CUVEE_WORKSPACES_PER_HOUR"] as const;
const saved = Object.fromEntries(VARIABLES.map((name) => [name, process.env[name]]));
let database: TempDatabase;

beforeAll(async () => {
  database = tempSqliteDatabase();
  process.env.DATABASE_URL = database.url;
  await getDb();
});

afterEach(() => {
  for (const name of VARIABLES.slice(1)) delete process.env[name];
  resetWorkspaceCreationLimiter();
});

afterAll(async () => {
  await closeDb();
  await database.drop();
  for (const name of VARIABLES) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

/** As Next hands it over: request.url on its own listening address, whatever the browser used. */
function request(path: string, headers: Record<string, string> = {}): NextRequest {
  return new NextRequest(`http://localhost:3000${path}`, {
    headers: { host: "127.0.0.1:3164", [SOCKET_ADDRESS_HEADER]: "192.0.2.1", ...headers },
  });
}

function cookieOf(response: Response): string | undefined {
  return /cuvee_ws=([^;]*)/.exec(response.headers.get("set-cookie") ?? "")?.[1];
}

describe("openSession", { timeout: 30_000 }, () => {
  it("redirects to `next` on the origin the browser used, with a new workspace's cookie", async () => {
    const response = await openSession(request("/api/cuvee/session?next=%2Fcours%2F3"));
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("http://127.0.0.1:3164/cours/3");
    const id = cookieOf(response)!;
    expect(await workspaceExists(id)).toBe(true);
    expect(response.headers.get("set-cookie")).not.toMatch(/Secure/i);
  });

  it.each(["/%09/evil.com", "/%0A/evil.com", "/%0D/evil.com", "//evil.com", "/%5Cevil.com", "https://evil.com"])(
    "never leaves the origin: next=%s goes to /cours",
    async (next) => {
      const response = await openSession(request(`/api/cuvee/session?next=${next}`));
      expect(response.headers.get("location")).toBe("http://127.0.0.1:3164/cours");
    },
  );

  it("keeps a valid cookie's workspace, and never adopts `default`", async () => {
    const mine = (await createWorkspace()).id;
    const kept = await openSession(request("/api/cuvee/session?next=/suivi", { cookie: `cuvee_ws=${mine}` }));
    expect(cookieOf(kept)).toBe(mine);
    await ensureWorkspace("default");
    const replaced = await openSession(request("/api/cuvee/session", { cookie: "cuvee_ws=default" }));
    expect(cookieOf(replaced)).not.toBe("default");
    expect(cookieOf(replaced)).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it("uses X-Forwarded-Host/Proto only behind a trusted proxy, and sets Secure over https", async () => {
    const proxied = { host: "app:3000", "x-forwarded-host": "cours.example.org", "x-forwarded-proto": "https" };
    const untrusted = await openSession(request("/api/cuvee/session?next=/cours", proxied));
    expect(untrusted.headers.get("location")).toBe("http://app:3000/cours");
    process.env.CUVEE_TRUST_PROXY = "1";
    const trusted = await openSession(request("/api/cuvee/session?next=/cours", proxied));
    expect(trusted.headers.get("location")).toBe("https://cours.example.org/cours");
    expect(trusted.headers.get("set-cookie")).toMatch(/;\s*Secure/i);
  });

  it("prefers CUVEE_PUBLIC_URL", async () => {
    process.env.CUVEE_PUBLIC_URL = "https://cuvee.example.net";
    const response = await openSession(request("/api/cuvee/session?next=/suivi", { "x-forwarded-host": "evil.example" }));
    expect(response.headers.get("location")).toBe("https://cuvee.example.net/suivi");
    expect(response.headers.get("set-cookie")).toMatch(/;\s*Secure/i);
  });

  it("refuses a client's creations beyond CUVEE_WORKSPACES_PER_HOUR with a French 429 page, forged headers or not", async () => {
    process.env.CUVEE_WORKSPACES_PER_HOUR = "2";
    const from = (address: string, forged: string) => request("/api/cuvee/session", { [SOCKET_ADDRESS_HEADER]: address, "x-forwarded-for": forged });
    expect((await openSession(from("192.0.2.50", "1.1.1.1"))).status).toBe(303);
    expect((await openSession(from("192.0.2.50", "2.2.2.2"))).status).toBe(303);
    const refused = await openSession(from("192.0.2.50", "3.3.3.3"));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.headers.get("content-type")).toMatch(/text\/html/);
    expect(await refused.text()).toContain("Trop de nouveaux espaces de travail");
    expect(cookieOf(refused)).toBeUndefined();
    // Another client still may; a learner with a workspace is never counted.
    expect((await openSession(from("192.0.2.51", "3.3.3.3"))).status).toBe(303);
    const mine = (await createWorkspace()).id;
    expect((await openSession(request("/api/cuvee/session", { [SOCKET_ADDRESS_HEADER]: "192.0.2.50", cookie: `cuvee_ws=${mine}` }))).status).toBe(303);
  });

  it("behind a trusted proxy, counts per address the proxy saw (X-Forwarded-For's last entry)", async () => {
    process.env.CUVEE_WORKSPACES_PER_HOUR = "1";
    process.env.CUVEE_TRUST_PROXY = "1";
    let n = 0;
    const forged = () => `203.0.113.${(n += 1)}`;
    const via = (client: string) => request("/api/cuvee/session", { [SOCKET_ADDRESS_HEADER]: "10.0.0.1", "x-forwarded-for": `${forged()}, ${client}` });
    expect((await openSession(via("198.51.100.7"))).status).toBe(303);
    expect((await openSession(via("198.51.100.7"))).status).toBe(429);
    expect((await openSession(via("198.51.100.8"))).status).toBe(303);
  });
});

describe("resumeWorkspace", { timeout: 30_000 }, () => {
  it("restores a learner's workspace on the browser's origin", async () => {
    const id = (await createWorkspace()).id;
    const response = await resumeWorkspace(request(`/reprendre/${id}`), id);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("http://127.0.0.1:3164/cours");
    expect(cookieOf(response)).toBe(id);
  });

  it("never adopts `default`, nor an unknown workspace", async () => {
    await ensureWorkspace("default");
    for (const id of ["default", "NoSuchWorkspace1234567"]) {
      const response = await resumeWorkspace(request(`/reprendre/${id}`), id);
      expect(response.headers.get("location")).toBe("http://127.0.0.1:3164/cours?reprise=introuvable");
      expect(response.headers.get("set-cookie")).toBeNull();
    }
  });
});
