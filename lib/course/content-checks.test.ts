/**
 * The checks of blocs 2 to 9 against a real tracking store (a fresh SQLite file) and real
 * artifact storage (a temporary folder), with the blocs' real starting code and solutions as
 * the learner's code. The tracking state is written through the store, as the REST API would;
 * `npm run blocs:check` runs the solutions themselves end to end.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getArtifactStorage, storagePathOfArtifactUri } from "@/lib/server/artifacts";
import { closeDb, getDb, type Db } from "@/lib/server/db";
import { tempSqliteDatabase, type TempDatabase } from "@/lib/server/db/testing";
import { PrismaTrackingStore } from "@/lib/server/tracking/prisma/store";
import type { Run } from "@/lib/server/tracking/entities";
import type { TrackingStore } from "@/lib/server/tracking/store";
import { createWorkspace } from "@/lib/server/workspaces";
import elasticnet from "@/test-data/fixtures/elasticnet.json";
import { CUVEE_VERSION } from "@/lib/tracking/version";
import type { CheckContext } from "./check";
import { CHECKS } from "./checks";
import { loadAllBlocs, type Bloc } from "./load";

const saved = { database: process.env.DATABASE_URL, artifacts: process.env.CUVEE_ARTIFACTS_DIR };
let database: TempDatabase;
let artifactsDir: string;
let db: Db;
let blocs: Map<number, Bloc>;

// Migrating a fresh database and validating every lesson take a few seconds on a busy machine.
beforeAll(async () => {
  database = tempSqliteDatabase();
  artifactsDir = mkdtempSync(path.join(os.tmpdir(), "cuvee-artifacts-"));
  process.env.DATABASE_URL = database.url;
  process.env.CUVEE_ARTIFACTS_DIR = artifactsDir;
  db = await getDb();
  blocs = new Map((await loadAllBlocs()).map((bloc) => [bloc.frontmatter.bloc, bloc]));
}, 60_000);

afterAll(async () => {
  await closeDb();
  await database.drop();
  rmSync(artifactsDir, { recursive: true, force: true });
  for (const [key, value] of [["DATABASE_URL", saved.database], ["CUVEE_ARTIFACTS_DIR", saved.artifacts]] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

async function newStore(): Promise<TrackingStore> {
  return new PrismaTrackingStore(db, (await createWorkspace(db)).id);
}

async function code(bloc: number, which: "start" | "solution"): Promise<Record<string, string>> {
  const loaded = blocs.get(bloc);
  if (!loaded) throw new Error(`bloc ${bloc} is not written`);
  return which === "start" ? loaded.startFiles : loaded.solutionFiles;
}

async function verdict(bloc: number, context: Partial<CheckContext> & { tracking: TrackingStore }) {
  return CHECKS[bloc]!({ output: "", code: {}, ...context });
}

let clock = Date.now() - 60_000;

/** A run as a script would leave it: params, metrics, tags, then FINISHED (or another status). */
async function logRun(
  store: TrackingStore,
  experimentId: string,
  data: { params?: Record<string, string>; metrics?: Record<string, number>; tags?: Record<string, string>; status?: Run["info"]["status"] } = {},
): Promise<Run> {
  const startTime = (clock += 1000);
  const run = await store.createRun({ experimentId, startTime });
  await store.logBatch(run.info.runId, {
    params: Object.entries(data.params ?? {}).map(([key, value]) => ({ key, value })),
    metrics: Object.entries(data.metrics ?? {}).map(([key, value]) => ({ key, value, timestamp: startTime })),
    tags: Object.entries(data.tags ?? {}).map(([key, value]) => ({ key, value })),
  });
  await store.updateRun(run.info.runId, { status: data.status ?? "FINISHED", endTime: startTime + 500 });
  return store.getRun(run.info.runId);
}

async function putArtifact(store: TrackingStore, run: Run, artifactPath: string, text: string): Promise<void> {
  const root = storagePathOfArtifactUri(run.info.artifactUri)!;
  await getArtifactStorage(store.workspaceId).put(`${root}/${artifactPath}`, new TextEncoder().encode(text));
}

const VERSION = CUVEE_VERSION;

describe("bloc 2: pinned dependencies", () => {
  it("fails without the artifact or with a loose version, passes with the solution's manifest", async () => {
    const store = await newStore();
    const solution = await code(2, "solution");
    expect((await verdict(2, { tracking: store, code: solution })).message).toMatch(/^Aucun run terminé/);
    const experimentId = await store.createExperiment({ name: "exp_wine_quality" });
    const run = await logRun(store, experimentId);
    expect((await verdict(2, { tracking: store, code: await code(2, "start") })).message).toContain("n'a pas d'artefact package.json");
    await putArtifact(store, run, "package.json", JSON.stringify({ dependencies: { cuvee: `^${VERSION}`, mlflow: VERSION } }));
    const loose = await verdict(2, { tracking: store, code: solution });
    expect(loose.passed).toBe(false);
    expect(loose.details?.[0]).toContain("« cuvee »");
    await putArtifact(store, run, "package.json", JSON.stringify({ dependencies: { cuvee: VERSION, mlflow: VERSION } }));
    expect(await verdict(2, { tracking: store, code: solution })).toMatchObject({ passed: true });
  });
});

describe("bloc 3: tracking URI", () => {
  it("fails on the starting code, passes when the solution printed the workspace's URI", async () => {
    const store = await newStore();
    await logRun(store, await store.createExperiment({ name: "exp_wine_quality" }));
    const printed = `Serveur de suivi : http://localhost:3000/w/${store.workspaceId}`;
    const start = await verdict(3, { tracking: store, code: await code(3, "start"), output: printed });
    expect(start.message).toBe("Votre code ne choisit pas son serveur de suivi.");
    const solution = await code(3, "solution");
    expect((await verdict(3, { tracking: store, code: solution, output: "Serveur de suivi : http://localhost:3000/w/autre" })).passed).toBe(false);
    expect(await verdict(3, { tracking: store, code: solution, output: printed })).toMatchObject({ passed: true });
  });

  it("fails when the URI is set after the first call to the server", async () => {
    const store = await newStore();
    const late = { "main.ts": 'await mlflow.setExperiment("e");\nmlflow.setTrackingUri("http://localhost:3000");\nconsole.log(mlflow.getTrackingUri());' };
    const result = await verdict(3, { tracking: store, code: late, output: `http://localhost:3000/w/${store.workspaceId}` });
    expect(result.message).toBe("mlflow.setTrackingUri (ligne 2) arrive après le premier appel au serveur (ligne 1).");
  });
});

describe("bloc 4: create an experiment", () => {
  it("fails without the experiment, without tags or without a finished run; passes with all three", async () => {
    const store = await newStore();
    const solution = await code(4, "solution");
    expect((await verdict(4, { tracking: store, code: solution })).message).toBe("L'expérience exp_wine_quality_v2 n'existe pas dans votre espace.");
    const bare = await newStore();
    await bare.createExperiment({ name: "exp_wine_quality_v2" });
    expect((await verdict(4, { tracking: bare, code: await code(4, "start") })).message).toContain("createExperiment");
    expect((await verdict(4, { tracking: bare, code: solution })).message).toBe("L'expérience exp_wine_quality_v2 n'a aucun tag.");
    const experimentId = await store.createExperiment({ name: "exp_wine_quality_v2", tags: [{ key: "version", value: "v2" }] });
    expect((await verdict(4, { tracking: store, code: solution })).message).toBe("Aucun run terminé dans l'expérience exp_wine_quality_v2.");
    await logRun(store, experimentId);
    expect(await verdict(4, { tracking: store, code: solution })).toMatchObject({ passed: true });
  });
});

describe("bloc 5: active run", () => {
  it("needs the same stored, finished run id printed during and after the run", async () => {
    const store = await newStore();
    const run = await logRun(store, await store.createExperiment({ name: "exp_wine_quality_v2" }));
    const id = run.info.runId;
    const solution = await code(5, "solution");
    expect((await verdict(5, { tracking: store, code: await code(5, "start"), output: `${id}\n${id}` })).message).toContain("mlflow.activeRun()");
    expect((await verdict(5, { tracking: store, code: solution, output: "rien" })).message).toBe("Aucun identifiant de run dans la sortie de votre dernière exécution.");
    expect((await verdict(5, { tracking: store, code: solution, output: `Run actif : ${id} (RUNNING)` })).passed).toBe(false);
    expect((await verdict(5, { tracking: store, code: solution, output: "Run actif : 0123456789abcdef0123456789abcdef" })).message).toContain("n'existe pas");
    const output = `Run actif : ${id} (RUNNING)\nDernier run : ${id} (FINISHED)`;
    expect(await verdict(5, { tracking: store, code: solution, output })).toMatchObject({ passed: true });
    const running = await store.createRun({ experimentId: run.info.experimentId });
    const stillRunning = await verdict(5, { tracking: store, code: solution, output: `${running.info.runId} ${running.info.runId}` });
    expect(stillRunning.message).toContain("RUNNING");
  });
});

describe("bloc 6: a folder of artifacts", () => {
  it("fails with a single root file, passes with a folder of two non-empty files", async () => {
    const store = await newStore();
    const run = await logRun(store, await store.createExperiment({ name: "exp_wine_quality_v2" }));
    await putArtifact(store, run, "package.json", "{}");
    const start = await verdict(6, { tracking: store });
    expect(start.passed).toBe(false);
    expect(start.details?.[0]).toBe("Artefacts trouvés : package.json.");
    await putArtifact(store, run, "data/train.csv", "quality\n5\n");
    expect((await verdict(6, { tracking: store })).passed).toBe(false);
    await putArtifact(store, run, "data/test.csv", "quality\n6\n");
    expect(await verdict(6, { tracking: store })).toMatchObject({ passed: true });
  });
});

describe("bloc 7: tags", () => {
  it("reads the three tags on the newest finished run", async () => {
    const store = await newStore();
    const experimentId = await store.createExperiment({ name: "exp_wine_quality_v2" });
    await logRun(store, experimentId, { tags: { engineering: "Plateforme ML", "release.candidate": "RC1", "release.version": "2.0" } });
    await logRun(store, experimentId, { tags: { engineering: "Plateforme ML" } });
    expect((await verdict(7, { tracking: store })).message).toContain("les tags release.candidate, release.version");
    await logRun(store, experimentId, { tags: { engineering: "Plateforme ML", "release.candidate": "RC1", "release.version": "2.0" } });
    expect(await verdict(7, { tracking: store })).toMatchObject({ passed: true });
  });
});

describe("bloc 8: several runs", () => {
  it("fails on the starting code, on repeated params and on a wrong rmse; passes on the reference grid", async () => {
    const store = await newStore();
    const experimentId = await store.createExperiment({ name: "exp_wine_quality_v2" });
    const solution = await code(8, "solution");
    expect((await verdict(8, { tracking: store, code: await code(8, "start") })).message).toBe("Votre code ne démarre pas de run dans une boucle.");
    for (let i = 0; i < 3; i++) await logRun(store, experimentId, { params: { alpha: "0.5" } });
    expect((await verdict(8, { tracking: store, code: solution })).message).toMatch(/a produit 0 run/);
    for (const point of elasticnet.grid) {
      await logRun(store, experimentId, { params: { alpha: String(point.alpha), l1_ratio: String(point.l1_ratio) }, metrics: { rmse: point.test_metrics.rmse } });
    }
    expect(await verdict(8, { tracking: store, code: solution })).toMatchObject({ passed: true });
    await logRun(store, experimentId, { params: { alpha: "0.1", l1_ratio: "0.1" }, metrics: { rmse: 0.5 } });
    const wrong = await verdict(8, { tracking: store, code: solution });
    expect(wrong.passed).toBe(false);
    expect(wrong.details?.[0]).toContain("scikit-learn obtient");
  });
});

describe("bloc 9: several experiments", () => {
  it("needs two new experiments holding a finished run", async () => {
    const store = await newStore();
    await logRun(store, await store.createExperiment({ name: "exp_wine_quality" }));
    await logRun(store, await store.createExperiment({ name: "exp_wine_quality_v2" }));
    expect((await verdict(9, { tracking: store })).message).toMatch(/vous en avez 0/);
    await logRun(store, await store.createExperiment({ name: "exp_wine_lasso" }));
    const empty = await store.createExperiment({ name: "exp_wine_ridge" });
    const one = await verdict(9, { tracking: store });
    expect(one.message).toMatch(/vous en avez 1/);
    expect(one.details?.[0]).toBe("Sans run terminé : exp_wine_ridge.");
    await logRun(store, empty);
    expect(await verdict(9, { tracking: store })).toMatchObject({ passed: true });
  });
});

describe("bloc 10: autolog", () => {
  it("needs autolog before the first fit, and an autologged newest run", async () => {
    const store = await newStore();
    const experimentId = await store.createExperiment({ name: "exp_wine_quality_v2" });
    const solution = await code(10, "solution");
    expect((await verdict(10, { tracking: store, code: await code(10, "start") })).message).toBe("Votre code n'appelle pas mlflow.autolog().");
    const late = { "main.ts": "model.fit(XTrain, yTrain);\nmlflow.autolog();" };
    expect((await verdict(10, { tracking: store, code: late })).message).toContain("arrive après le premier entraînement (ligne 1)");
    await logRun(store, experimentId, { params: { alpha: "0.5" }, metrics: { rmse: 0.7 } });
    const manual = await verdict(10, { tracking: store, code: solution });
    expect(manual.message).toContain("aucune métrique training_*, pas de paramètre max_iter, pas de modèle (model/MLmodel)");
    const run = await logRun(store, experimentId, { params: { alpha: "0.5", max_iter: "1000" }, metrics: { training_r2_score: 0.29 } });
    await putArtifact(store, run, "model/MLmodel", "artifact_path: model\n");
    expect(await verdict(10, { tracking: store, code: solution })).toMatchObject({ passed: true });
  });
});

describe("bloc 11: production configuration", () => {
  const printed = (config: Record<string, unknown>) => `mlflow server \\\n  --port 5000\n${JSON.stringify(config)}`;
  const start = { backendStoreUri: "sqlite:///mlflow.db", artifactsDestination: "./mlartifacts", serveArtifacts: true, host: "127.0.0.1", port: 5000 };

  it("fails on the development configuration and passes on PostgreSQL + S3", async () => {
    const store = await newStore();
    expect((await verdict(11, { tracking: store, output: "" })).message).toBe("La sortie de votre dernière exécution ne contient pas la configuration.");
    const development = await verdict(11, { tracking: store, output: printed(start) });
    expect(development.message).toBe("Cette configuration n'est pas prête pour la production (3 points à corriger).");
    const production = { ...start, backendStoreUri: "postgresql://mlflow@db.interne:5432/mlflow", artifactsDestination: "s3://cuvee-mlflow-artifacts/mlartifacts", host: "0.0.0.0" };
    expect(await verdict(11, { tracking: store, output: printed(production) })).toMatchObject({ passed: true });
  });
});

describe("bloc 12: manual logging", () => {
  const reference = elasticnet.model.test_metrics;

  it("needs evalMetrics, the five values, and metrics equal to scikit-learn's", async () => {
    const store = await newStore();
    const experimentId = await store.createExperiment({ name: "exp_wine_elasticnet" });
    const solution = await code(12, "solution");
    expect((await verdict(12, { tracking: store, code: await code(12, "start") })).message).toBe("Votre code n'appelle pas de fonction evalMetrics.");
    await logRun(store, experimentId);
    const empty = await verdict(12, { tracking: store, code: solution });
    expect(empty.details).toEqual(["Paramètres manquants : alpha, l1_ratio (await mlflow.logParams({ … })).", "Métriques manquantes : rmse, mae, r2 (await mlflow.logMetrics({ … }))."]);
    await logRun(store, experimentId, { params: { alpha: "0.1", l1_ratio: "0.5" }, metrics: { rmse: 0.7, mae: 0.6, r2: 0.1 } });
    expect((await verdict(12, { tracking: store, code: solution })).details?.[0]).toContain("alpha=0.1");
    await logRun(store, experimentId, { params: { alpha: "0.5", l1_ratio: "0.5" }, metrics: { rmse: reference.rmse, mae: reference.mse, r2: reference.r2 } });
    expect((await verdict(12, { tracking: store, code: solution })).details).toEqual([`mae vaut ${reference.mse} ; attendu ${reference.mae}.`]);
    await logRun(store, experimentId, { params: { alpha: "0.5", l1_ratio: "0.5" }, metrics: { rmse: reference.rmse, mae: reference.mae, r2: reference.r2 } });
    expect(await verdict(12, { tracking: store, code: solution })).toMatchObject({ passed: true });
  });
});

describe("bloc 13: the logged model", () => {
  const signature = `signature:\n  inputs: '[{"type": "double", "name": "alcohol", "required": true}]'\n  outputs: '[{"type": "tensor", "tensor-spec": {"dtype": "float64", "shape": [-1]}}]'\n`;

  it("needs model/MLmodel with a signature and a saved input example", async () => {
    const store = await newStore();
    const experimentId = await store.createExperiment({ name: "exp_wine_elasticnet" });
    await logRun(store, experimentId);
    expect((await verdict(13, { tracking: store })).message).toContain("n'a pas de modèle dans model/");
    const run = await logRun(store, experimentId);
    await putArtifact(store, run, "model/MLmodel", `artifact_path: model\n${signature}`);
    expect((await verdict(13, { tracking: store })).details).toEqual(["Le modèle n'a pas d'exemple d'entrée : passez { inputExample: XTrain.head(5) }."]);
    await putArtifact(store, run, "model/MLmodel", `artifact_path: model\n${signature}saved_input_example_info:\n  artifact_path: input_example.json\n  type: dataframe\n`);
    expect((await verdict(13, { tracking: store })).passed).toBe(false);
    await putArtifact(store, run, "model/input_example.json", '{"columns": ["alcohol"], "data": [[9.4]]}');
    expect(await verdict(13, { tracking: store })).toMatchObject({ passed: true });
  });
});
