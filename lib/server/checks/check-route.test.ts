/**
 * The check route, called in-process on a fresh SQLite file: whatever the request, the learner
 * gets a French answer the workbench shows, never a 500 with an empty body.
 */
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/cuvee/blocs/[bloc]/check/route";
import { CHECK_MAX_FILES, CHECK_MAX_REQUEST_BYTES, checkResponseSchema } from "@/lib/course/check-contract";
import { closeDb, getDb } from "@/lib/server/db";
import { tempSqliteDatabase, type TempDatabase } from "@/lib/server/db/testing";
import { countedJsonBody, streamedRequest } from "@/lib/server/rest/testing";
import { WORKSPACE_COOKIE } from "@/lib/server/session/cookie";
import { createWorkspace } from "@/lib/server/workspaces";

const savedUrl = process.env.DATABASE_URL;
let database: TempDatabase;
let workspaceId: string;

beforeAll(async () => {
  database = tempSqliteDatabase();
  process.env.DATABASE_URL = database.url;
  await getDb();
  workspaceId = (await createWorkspace()).id;
});

afterAll(async () => {
  await closeDb();
  await database.drop();
  if (savedUrl === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = savedUrl;
});

async function check(bloc: string, body: BodyInit, headers: Record<string, string> = {}) {
  const url = `http://cuvee.test/api/cuvee/blocs/${bloc}/check`;
  const init = { method: "POST", body, headers: { cookie: `${WORKSPACE_COOKIE}=${workspaceId}`, ...headers }, duplex: "half" };
  const response = await POST(new NextRequest(url, init as ConstructorParameters<typeof NextRequest>[1]), { params: Promise.resolve({ bloc }) });
  const text = await response.text();
  return { status: response.status, text, json: checkResponseSchema.parse(JSON.parse(text)) };
}

describe("POST /api/cuvee/blocs/<n>/check", () => {
  it("answers code too deeply nested to parse (199 000 `(`) with a French verdict, not a 500", async () => {
    const res = await check("3", JSON.stringify({ output: "", code: { "main.ts": "(".repeat(199_000) } }));
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ passed: false, message: expect.stringMatching(/imbriqu/) });
  });

  it("refuses a body over the ceiling while reading it, in French", async () => {
    const body = countedJsonBody(`{"output":"`, 100_000_000, `"}`);
    const url = "http://cuvee.test/api/cuvee/blocs/3/check";
    const request = streamedRequest(body.stream, { cookie: `${WORKSPACE_COOKIE}=${workspaceId}` }, url);
    const response = await POST(new NextRequest(request), { params: Promise.resolve({ bloc: "3" }) });
    expect(response.status).toBe(413);
    expect(checkResponseSchema.parse(await response.json())).toEqual({ error: expect.stringMatching(/^Votre code et la sortie de votre exécution sont trop volumineux/) });
    expect(body.pulled()).toBeLessThan(CHECK_MAX_REQUEST_BYTES + 2 * 64 * 1024);
  });

  it("refuses too many files, in French", async () => {
    const code = Object.fromEntries(Array.from({ length: CHECK_MAX_FILES + 1 }, (_, i) => [`f${i}.ts`, "x"]));
    const res = await check("3", JSON.stringify({ output: "", code }));
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ error: "Requête de vérification invalide." });
  });

  it("still judges an ordinary request", async () => {
    const res = await check("3", JSON.stringify({ output: "", code: { "main.ts": "console.log(1);" } }));
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ passed: false, message: "Votre code ne choisit pas son serveur de suivi." });
  });
});
