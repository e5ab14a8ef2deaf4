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
import { getTrackingStore } from "@/lib/server/tracking";
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
    const res = await check("3", JSON.stringify({ output: "", code: { "main.ts": "(".repeat(199_000) }, execution: { status: "succeeded" } }));
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
    const res = await check("3", JSON.stringify({ output: "", code: { "main.ts": "console.log(1);" }, execution: { status: "succeeded" } }));
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ passed: false, message: "Votre code ne choisit pas son serveur de suivi." });
  });
});

describe("a check judges the last execution, and only one that ran to its end", () => {
  /** Bloc 1 done in the store: a FINISHED run in exp_wine_quality, as the solution leaves it. */
  async function blocOneRun(): Promise<string> {
    const tracking = await getTrackingStore(workspaceId);
    const experimentId = (await tracking.getExperimentByName("exp_wine_quality"))?.experimentId ?? (await tracking.createExperiment({ name: "exp_wine_quality" }));
    const run = await tracking.createRun({ experimentId, startTime: Date.now() });
    await tracking.updateRun(run.info.runId, { status: "FINISHED", endTime: Date.now() });
    return run.info.runId;
  }
  const judge = (body: unknown) => check("1", JSON.stringify(body));

  it("passes the execution that ran to its end (the state below is enough)", async () => {
    const runIds = [await blocOneRun()];
    expect((await judge({ runIds, execution: { status: "succeeded" } })).json).toMatchObject({ passed: true });
  });

  it("asks for an execution when the page sent none", async () => {
    const runIds = [await blocOneRun()];
    expect((await judge({ runIds })).json).toMatchObject({ passed: false, message: "Exécutez votre code, puis vérifiez." });
  });

  it("does not pass after an execution that threw, and names the error and its line", async () => {
    const runIds = [await blocOneRun()];
    const error = { name: "ReferenceError", message: "predictions is not defined", location: { file: "main.ts", line: 12, column: 3 } };
    const res = await judge({ runIds, execution: { status: "failed", error } });
    expect(res.json).toMatchObject({ passed: false, message: "Votre dernière exécution s'est arrêtée sur une erreur : elle ne peut pas valider le bloc." });
    expect(res.json).toHaveProperty("details.0", "ReferenceError : predictions is not defined (main.ts, ligne 12).");
  });

  it("does not pass after an execution stopped by the time limit or by the learner", async () => {
    const runIds = [await blocOneRun()];
    const timedOut = await judge({ runIds, execution: { status: "timed-out", timeoutMs: 30_000 } });
    expect(timedOut.json).toMatchObject({ passed: false, message: "Votre dernière exécution a été arrêtée par la limite de temps (30 s) : elle ne peut pas valider le bloc." });
    const stopped = await judge({ runIds, execution: { status: "stopped" } });
    expect(stopped.json).toMatchObject({ passed: false, message: "Vous avez arrêté votre dernière exécution avant la fin : elle ne peut pas valider le bloc." });
  });

  it("does not pass on an earlier execution's runs", async () => {
    await blocOneRun();
    const res = await judge({ runIds: [], execution: { status: "succeeded" } });
    expect(res.json).toMatchObject({ passed: false, message: "Votre dernière exécution n'a terminé aucun run dans l'expérience exp_wine_quality." });
  });
});
