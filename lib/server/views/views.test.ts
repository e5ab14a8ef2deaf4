/**
 * The data functions the tracking pages call, on a real SQLite database and a real artifact
 * directory: they must answer what the REST API answers (same store calls), and turn a bad
 * filter into a French message instead of an error page.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getArtifactStorage, storagePathOfArtifactUri } from "@/lib/server/artifacts";
import { closeDb, getDb } from "@/lib/server/db";
import { tempSqliteDatabase, type TempDatabase } from "@/lib/server/db/testing";
import { getRegistryStore } from "@/lib/server/registry";
import { getTrackingStore, type TrackingStore } from "@/lib/server/tracking";
import { createWorkspace } from "@/lib/server/workspaces";
import { artifactTree } from "./artifacts";
import { findExperiment, listExperiments } from "./experiments";
import { listRegisteredModels, modelDetails, versionDetails } from "./registry";
import { compareRunsView, experimentRuns, runDetails } from "./runs";

const saved = { db: process.env.DATABASE_URL, artifacts: process.env.CUVEE_ARTIFACTS_DIR };
let database: TempDatabase;
let artifactsDir: string;
let workspaceId: string;
let store: TrackingStore;
let experimentId: string;
const runIds: string[] = [];

async function seedRun(alpha: string, rmse: number[]): Promise<string> {
  const run = await store.createRun({ experimentId, runName: `alpha-${alpha}` });
  await store.logBatch(run.info.runId, {
    params: [{ key: "alpha", value: alpha }],
    metrics: rmse.map((value, step) => ({ key: "rmse", value, timestamp: 1000 + step, step })),
  });
  return run.info.runId;
}

beforeAll(async () => {
  database = tempSqliteDatabase();
  artifactsDir = mkdtempSync(path.join(os.tmpdir(), "cuvee-artifacts-"));
  process.env.DATABASE_URL = database.url;
  process.env.CUVEE_ARTIFACTS_DIR = artifactsDir;
  workspaceId = (await createWorkspace(await getDb())).id;
  store = await getTrackingStore(workspaceId);
  experimentId = await store.createExperiment({ name: "Vins rouges" });
  runIds.push(await seedRun("0.5", [0.9, 0.7]), await seedRun("0.5", [0.85]), await seedRun("0.1", [0.6]));
});

afterAll(async () => {
  await closeDb();
  await database.drop();
  rmSync(artifactsDir, { recursive: true, force: true });
  for (const [key, value] of [["DATABASE_URL", saved.db], ["CUVEE_ARTIFACTS_DIR", saved.artifacts]] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

describe("experiments", () => {
  it("lists active experiments with their run counts, searches names case-insensitively, and finds deleted ones", async () => {
    const all = await listExperiments(workspaceId);
    expect(all.map((e) => [e.name, e.runCount])).toEqual([
      ["Vins rouges", 3],
      ["Default", 0],
    ]);
    expect((await listExperiments(workspaceId, { search: "ROUGE" })).map((e) => e.name)).toEqual(["Vins rouges"]);
    expect(await listExperiments(workspaceId, { search: "l'essai" })).toEqual([]);

    const doomed = await store.createExperiment({ name: "à supprimer" });
    await store.deleteExperiment(doomed);
    expect((await listExperiments(workspaceId, { deleted: true })).map((e) => e.name)).toEqual(["à supprimer"]);
    expect(await findExperiment(workspaceId, "999")).toBeNull();
  });
});

describe("runs", () => {
  it("filters with MLflow's syntax through the store's search", async () => {
    const view = await experimentRuns(workspaceId, experimentId, { filter: "metrics.rmse < 0.8 and params.alpha = '0.5'" });
    expect(view?.problem).toBeNull();
    expect(view?.runs.map((run) => run.info.runId)).toEqual([runIds[0]]);
    expect(view?.columns).toEqual({ params: ["alpha"], metrics: ["rmse"], tags: [] });
  });

  it("sorts by the column asked", async () => {
    const view = await experimentRuns(workspaceId, experimentId, { sort: { type: "metric", key: "rmse", ascending: false } });
    expect(view?.runs.map((run) => run.data.metrics[0]?.value)).toEqual([0.85, 0.7, 0.6]);
  });

  it("turns a bad filter into a French message, keeping MLflow's", async () => {
    const view = await experimentRuns(workspaceId, experimentId, { filter: "metrics.rmse <<< 2" });
    expect(view?.runs).toEqual([]);
    expect(view?.problem?.message).toContain("Ce filtre n'est pas une recherche MLflow valide");
    expect(view?.problem?.detail).toMatch(/^Expected numeric value type for /u);
  });

  it("returns null for an unknown experiment or run", async () => {
    expect(await experimentRuns(workspaceId, "424242")).toBeNull();
    expect(await runDetails(workspaceId, "0".repeat(32))).toBeNull();
  });

  it("gives a run's metric histories by step", async () => {
    const details = await runDetails(workspaceId, runIds[0]!);
    expect(details?.experiment.name).toBe("Vins rouges");
    expect(details?.histories.rmse?.map((point) => [point.step, point.value])).toEqual([
      [0, 0.9],
      [1, 0.7],
    ]);
  });

  it("compares runs in the order asked and reports the ids it cannot find", async () => {
    const view = await compareRunsView(workspaceId, [runIds[2]!, runIds[0]!, "f".repeat(32), "pas-un-id"]);
    expect(view.runs.map((run) => run.info.runId)).toEqual([runIds[2], runIds[0]]);
    expect(view.missing).toEqual(["f".repeat(32), "pas-un-id"]);
    expect(view.comparison.params).toEqual([{ key: "alpha", values: ["0.1", "0.5"], differs: true }]);
    expect(view.numericParams).toEqual(["alpha"]);
  });

  it("does not see another workspace's runs", async () => {
    const otherId = (await createWorkspace(await getDb())).id;
    expect((await compareRunsView(otherId, runIds)).runs).toEqual([]);
    expect(await runDetails(otherId, runIds[0]!)).toBeNull();
  });
});

describe("artifacts", () => {
  it("walks the run's folders, folders first, with a download base in the workspace's artifact API", async () => {
    const run = await store.getRun(runIds[0]!);
    const root = storagePathOfArtifactUri(run.info.artifactUri)!;
    const storage = getArtifactStorage(workspaceId);
    await storage.put(`${root}/notes.txt`, new TextEncoder().encode("bonjour"));
    await storage.put(`${root}/model/MLmodel`, new TextEncoder().encode("artifact_path: model\n"));
    const tree = await artifactTree(workspaceId, run.info);
    expect(tree.downloadBase).toBe(`/w/${workspaceId}/api/2.0/mlflow-artifacts/artifacts/${root}`);
    expect(tree.nodes.map((node) => [node.path, node.isDir, node.size])).toEqual([
      ["model", true, null],
      ["notes.txt", false, 7],
    ]);
    expect(tree.nodes[0]?.children.map((node) => node.path)).toEqual(["model/MLmodel"]);
    expect((await artifactTree(workspaceId, (await store.getRun(runIds[1]!)).info)).nodes).toEqual([]);
  });
});

describe("registry", () => {
  it("lists models, a model's versions newest first, and a version with its run, signature and stage history", async () => {
    const registry = await getRegistryStore(workspaceId);
    const run = await store.getRun(runIds[0]!);
    const root = storagePathOfArtifactUri(run.info.artifactUri)!;
    await getArtifactStorage(workspaceId).put(
      `${root}/model/MLmodel`,
      new TextEncoder().encode(`signature:\n  inputs: '[{"type": "double", "name": "alcohol"}]'\n  outputs: '[{"type": "double"}]'\n`),
    );
    await registry.createRegisteredModel({ name: "vin rouge" });
    await registry.createModelVersion({ name: "vin rouge", source: `runs:/${run.info.runId}/model` });
    await registry.createModelVersion({ name: "vin rouge", source: `runs:/${run.info.runId}/model` });
    await registry.transitionModelVersionStage("vin rouge", "1", "Staging", false);

    expect((await listRegisteredModels(workspaceId, "ROUGE")).map((model) => model.name)).toEqual(["vin rouge"]);
    expect(await listRegisteredModels(workspaceId, "blanc")).toEqual([]);
    expect((await modelDetails(workspaceId, "vin rouge"))?.versions.map((v) => [v.version, v.currentStage])).toEqual([
      ["2", "None"],
      ["1", "Staging"],
    ]);
    expect(await modelDetails(workspaceId, "inconnu")).toBeNull();

    const version = await versionDetails(workspaceId, "vin rouge", "1");
    expect(version?.sourceRun?.info.runId).toBe(run.info.runId);
    expect(version?.signature).toEqual({ inputs: [{ name: "alcohol", type: "double" }], outputs: [{ name: "#0", type: "double" }] });
    expect(version?.transitions.map((t) => [t.fromStage, t.toStage])).toEqual([["None", "Staging"]]);
    expect(await versionDetails(workspaceId, "vin rouge", "9")).toBeNull();
  });
});
