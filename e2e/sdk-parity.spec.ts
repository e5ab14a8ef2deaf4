/**
 * The same learner script (sdk-parity.script.ts, most of the SDK) runs in Node and in the
 * browser's Web Worker, each in a fresh workspace, and must leave the same tracking state:
 * experiments, runs, params, metrics, tags, artifact names, registry versions, stages, aliases.
 */
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import * as nodeFs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import * as cuveeData from "../lib/data";
import { learnerModuleTable } from "../lib/learner-modules";
import * as cuveeMl from "../lib/ml";
import * as cuveePlot from "../lib/plot";
import { ModuleSystem } from "../lib/runner/module-system";
import * as mlflow from "../lib/tracking";
import * as sdkHooks from "../lib/tracking/runner-hooks";
import { replaceCode } from "./runner-helpers";
import { PARITY_SCRIPT } from "./sdk-parity.script";

async function newWorkspace(baseURL: string): Promise<string> {
  const response = await fetch(`${baseURL}/api/cuvee/session?next=/cours`, { redirect: "manual" });
  const match = /cuvee_ws=([^;]+)/.exec(response.headers.get("set-cookie") ?? "");
  if (!match?.[1]) throw new Error("no workspace cookie");
  return match[1];
}

/** Runs the script in this Node process, the way the worker does: same module table, real files in a temp folder. */
async function runInNode(trackingUri: string): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "cuvee-parity-"));
  copyFileSync(path.resolve("public/data/red-wine-quality.csv"), path.join(dir, "red-wine-quality.csv"));
  const previous = process.cwd();
  process.chdir(dir);
  try {
    sdkHooks.resetFluentState();
    sdkHooks.setRuntimeDefaultTrackingUri(trackingUri);
    sdkHooks.setRuntimeContext({ user: "apprenant", sourceName: "main.ts" });
    const modules = new ModuleSystem(
      { "main.ts": PARITY_SCRIPT },
      learnerModuleTable({ mlflow, "cuvee/data": cuveeData, "cuvee/ml": cuveeMl, "cuvee/plot": cuveePlot }, nodeFs),
    );
    let failed = false;
    try {
      await modules.runEntry("main.ts");
    } catch (error) {
      failed = true;
      throw error;
    } finally {
      const late = await sdkHooks.finishScript({ failed });
      if (late.length > 0 && !failed) throw late[0];
    }
  } finally {
    process.chdir(previous);
    rmSync(dir, { recursive: true, force: true });
  }
}

async function api(trackingUri: string, endpoint: string, body?: unknown): Promise<any> {
  const response = await fetch(`${trackingUri}/api/2.0/mlflow/${endpoint}`, {
    method: body === undefined ? "GET" : "POST",
    headers: body === undefined ? undefined : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.ok, `${endpoint}: ${response.status}`).toBe(true);
  return response.json();
}

async function artifactNames(trackingUri: string, runId: string, dir = ""): Promise<string[]> {
  const listing = await api(trackingUri, `artifacts/list?run_id=${runId}&path=${encodeURIComponent(dir)}`);
  const names: string[] = [];
  for (const file of listing.files ?? []) {
    if (file.is_dir) names.push(...(await artifactNames(trackingUri, runId, file.path)));
    else names.push(file.path);
  }
  return names.sort();
}

const VARYING_TAGS = new Set(["mlflow.log-model.history"]);
const byKey = (items: { key: string; value: unknown }[] = []) =>
  Object.fromEntries(items.filter((item) => !VARYING_TAGS.has(item.key)).map((item) => [item.key, item.value]).sort());

/** Everything the script leaves behind, without ids, times and uuids. */
async function trackingState(trackingUri: string) {
  const experiments = (await api(trackingUri, "experiments/search", { max_results: 100 })).experiments ?? [];
  const runNames = new Map<string, string>();
  const state: Record<string, unknown> = {};
  for (const experiment of experiments.sort((a: any, b: any) => a.name.localeCompare(b.name))) {
    const runs = (await api(trackingUri, "runs/search", { experiment_ids: [experiment.experiment_id], max_results: 100 })).runs ?? [];
    const described = [];
    for (const run of runs) {
      runNames.set(run.info.run_id, run.info.run_name);
      const history = JSON.parse(run.data.tags?.find((tag: any) => tag.key === "mlflow.log-model.history")?.value ?? "[]");
      described.push({
        name: run.info.run_name,
        status: run.info.status,
        params: byKey(run.data.params),
        metrics: byKey(run.data.metrics),
        tags: byKey(run.data.tags),
        models: history.map((model: any) => [model.artifact_path, Object.keys(model.flavors).sort()]),
        artifacts: await artifactNames(trackingUri, run.info.run_id),
      });
    }
    state[experiment.name] = { tags: byKey(experiment.tags), runs: described.sort((a, b) => a.name.localeCompare(b.name)) };
  }
  const versions = (await api(trackingUri, "model-versions/search?max_results=100")).model_versions ?? [];
  state.registry = versions
    .map((version: any) => ({
      name: version.name,
      version: version.version,
      stage: version.current_stage,
      aliases: version.aliases ?? [],
      tags: byKey(version.tags),
      run: runNames.get(version.run_id),
    }))
    .sort((a: any, b: any) => `${a.name}/${a.version}`.localeCompare(`${b.name}/${b.version}`));
  return state;
}

test("the same script leaves the same tracking state in Node and in the browser worker", async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  const nodeUri = `${baseURL}/w/${await newWorkspace(baseURL!)}`;
  await runInNode(nodeUri);

  await page.goto("/cours/1");
  await replaceCode(page, PARITY_SCRIPT);
  await page.getByRole("button", { name: "Exécuter" }).click();
  const consoleLog = page.getByRole("log");
  await expect(consoleLog).toContainText("parité : fin du script", { timeout: 90_000 });
  await expect(consoleLog).toContainText("Exécution terminée");
  await expect(consoleLog.getByRole("alert")).toHaveCount(0);
  const cookie = (await page.context().cookies()).find((candidate) => candidate.name === "cuvee_ws");
  const browserUri = `${baseURL}/w/${cookie!.value}`;

  const [nodeState, browserState] = await Promise.all([trackingState(nodeUri), trackingState(browserUri)]);
  // The state is rich enough to mean something…
  const parity = nodeState.parite_sdk as { runs: { name: string }[] };
  expect(parity.runs.map((run) => run.name)).toEqual(["autolog-dummy", "elasticnet-0.2", "elasticnet-0.5", "modele-perso"]);
  expect(nodeState.registry).toHaveLength(2);
  // …and both runtimes left exactly the same.
  expect(browserState).toEqual(nodeState);
});
