/**
 * The course loop on the server: a workspace through the session route, a bloc's check on the
 * real tracking state, and progress that persists.
 */
import { afterAll, describe, expect, it } from "vitest";
import * as mlflow from "@/lib/tracking";
import { resetFluentState, resetTrackingUri } from "@/lib/tracking/runner-hooks";
import { baseUrl, closeTestDb } from "./helpers";

afterAll(async () => {
  resetTrackingUri();
  await closeTestDb();
});

async function newSession(): Promise<{ cookie: string; workspaceId: string }> {
  const response = await fetch(`${baseUrl()}/api/cuvee/session?next=/cours/1`, { redirect: "manual" });
  expect(response.status).toBe(303);
  expect(response.headers.get("location")).toMatch(/\/cours\/1$/);
  const setCookie = response.headers.get("set-cookie") ?? "";
  expect(setCookie).toMatch(/HttpOnly/i);
  const match = /cuvee_ws=([^;]+)/.exec(setCookie);
  expect(match).not.toBeNull();
  return { cookie: `cuvee_ws=${match![1]}`, workspaceId: match![1]! };
}

/** An execution that ran to its end: what the page sends after a successful run. */
const SUCCEEDED = { status: "succeeded" } as const;

async function check(bloc: number, cookie: string, body: unknown = { output: "", execution: SUCCEEDED }) {
  const response = await fetch(`${baseUrl()}/api/cuvee/blocs/${bloc}/check`, {
    method: "POST",
    headers: { cookie, "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as { passed?: boolean; message?: string; details?: string[]; error?: string } };
}

describe("course checks", () => {
  it("redirects a first visit through the session route", async () => {
    const response = await fetch(`${baseUrl()}/cours`, { redirect: "manual" });
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toContain("/api/cuvee/session?next=%2Fcours");
  });

  it("bloc 1 fails on an empty workspace, passes once a FINISHED run exists, and stays ticked", async () => {
    const { cookie, workspaceId } = await newSession();
    const before = await check(1, cookie);
    expect(before.status).toBe(200);
    expect(before.json).toMatchObject({ passed: false, message: "L'expérience exp_wine_quality n'existe pas dans votre espace." });

    resetFluentState();
    mlflow.setTrackingUri(`${baseUrl()}/w/${workspaceId}`);
    await mlflow.setExperiment("exp_wine_quality");
    const run = await mlflow.startRun();
    const runIds = [run.info.runId];
    const running = await check(1, cookie, { output: "", execution: SUCCEEDED, runIds });
    expect(running.json.passed).toBe(false);
    expect(running.json.message).toBe("Votre dernière exécution n'a terminé aucun run dans l'expérience exp_wine_quality.");
    await mlflow.endRun();

    // The run exists, but a check without an execution (a page just loaded) asks for one.
    const unexecuted = await check(1, cookie, { output: "", runIds });
    expect(unexecuted.json).toMatchObject({ passed: false, message: "Exécutez votre code, puis vérifiez." });
    const after = await check(1, cookie, { output: "", execution: SUCCEEDED, runIds });
    expect(after.json.passed).toBe(true);

    const page = await fetch(`${baseUrl()}/cours`, { headers: { cookie } });
    expect(await page.text()).toContain("Bloc 1 : Première expérience (fait)");
  });

  it("bloc 0 compares the printed predictions with scikit-learn's", async () => {
    const { cookie } = await newSession();
    const wrong = await check(0, cookie, { output: "[ 5.1, 5.2, 5.3, 5.4, 5.5 ]", execution: SUCCEEDED });
    expect(wrong.json.passed).toBe(false);
    const right = await check(0, cookie, {
      output: "400 vins dans le jeu de test\n[ 5.5439317272091575, 5.27897165572818, 5.646869607939838, 5.579184445406979, 5.718724559670867 ]",
      execution: SUCCEEDED,
    });
    expect(right.json.passed).toBe(true);
  });

  it("bloc 8 judges exactly the runs the runner says the last execution created", async () => {
    const { cookie, workspaceId } = await newSession();
    resetFluentState();
    mlflow.setTrackingUri(`${baseUrl()}/w/${workspaceId}`);
    await mlflow.setExperiment("exp_wine_quality_v2");
    // An earlier execution: a sweep of three settings (outside scikit-learn's reference grid).
    const sweep: string[] = [];
    for (const alpha of [0.2, 0.3, 0.4]) {
      await mlflow.startRun({ runName: `alpha ${alpha}` }, async (run) => {
        sweep.push(run.info.runId);
        await mlflow.logParams({ alpha, l1_ratio: 0.2 });
      });
    }
    // The last execution: a single run.
    const single = await mlflow.startRun({}, async (run) => {
      await mlflow.logParams({ alpha: 0.6, l1_ratio: 0.2 });
      return run.info.runId;
    });
    const code = { "main.ts": "for (const alpha of [0.2, 0.3, 0.4]) {\n  await mlflow.startRun({}, async () => {});\n}\n" };

    const exact = await check(8, cookie, { output: "", code, execution: SUCCEEDED, runIds: [single] });
    expect(exact.json.passed).toBe(false);
    expect(exact.json.message).toContain("Votre dernière exécution a produit 1 run(s)");
    expect((await check(8, cookie, { output: "", code, execution: SUCCEEDED, runIds: sweep })).json.passed).toBe(true);
    // Without the runner's report, no run is the last execution's: the sweep no longer counts.
    expect((await check(8, cookie, { output: "", code, execution: SUCCEEDED })).json.passed).toBe(false);
    // The same sweep, from an execution that failed afterwards, does not pass either.
    const failedRun = await check(8, cookie, { output: "", code, execution: { status: "failed", error: { name: "ReferenceError", message: "x is not defined" } }, runIds: sweep });
    expect(failedRun.json).toMatchObject({ passed: false, message: "Votre dernière exécution s'est arrêtée sur une erreur : elle ne peut pas valider le bloc." });
  });

  it("refuses a check without a workspace, with malformed JSON, or for a bloc without a check", async () => {
    const { cookie } = await newSession();
    expect((await check(1, "cuvee_ws=unknown")).status).toBe(401);
    const malformed = await fetch(`${baseUrl()}/api/cuvee/blocs/1/check`, { method: "POST", headers: { cookie }, body: "{" });
    expect(malformed.status).toBe(400);
    expect((await check(27, cookie)).status).toBe(404);
  });

  it("the resume link restores the workspace in another browser", async () => {
    const { workspaceId } = await newSession();
    const response = await fetch(`${baseUrl()}/reprendre/${workspaceId}`, { redirect: "manual" });
    expect(response.status).toBe(303);
    expect(response.headers.get("set-cookie")).toContain(`cuvee_ws=${workspaceId}`);
    const unknown = await fetch(`${baseUrl()}/reprendre/nope`, { redirect: "manual" });
    expect(unknown.headers.get("location")).toContain("/cours?reprise=introuvable");
  });
});
