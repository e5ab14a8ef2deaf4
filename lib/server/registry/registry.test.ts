/**
 * The registry store and `resolveModelUri` on a real database: a fresh SQLite file, and a fresh
 * PostgreSQL database too when CUVEE_TEST_POSTGRES_URL is set.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/lib/server/db";
import { tempPostgresDatabase, tempSqliteDatabase, testPostgresUrl, type TempDatabase } from "@/lib/server/db/testing";
import { getTrackingStore } from "@/lib/server/tracking";
import { createWorkspace } from "@/lib/server/workspaces";
import { TrackingError } from "@/lib/tracking/protocol";
import { getRegistryStore, parseModelUri, resolveModelUri } from "./index";

const backends: [string, () => Promise<TempDatabase>][] = [
  ["SQLite", () => Promise.resolve(tempSqliteDatabase())],
  ...(testPostgresUrl ? ([["PostgreSQL", () => tempPostgresDatabase()]] as [string, () => Promise<TempDatabase>][]) : []),
];

describe("parseModelUri", () => {
  it("reads versions, stages, latest and aliases", () => {
    expect(parseModelUri("models:/wine/3")).toEqual({ kind: "version", name: "wine", version: "3" });
    expect(parseModelUri("models:/wine/Staging")).toEqual({ kind: "stage", name: "wine", stage: "Staging" });
    expect(parseModelUri("models:/wine/latest")).toEqual({ kind: "latest", name: "wine" });
    expect(parseModelUri("models:/wine@champion")).toEqual({ kind: "alias", name: "wine", alias: "champion" });
  });

  it.each(["models:/", "models:/wine", "models:/a/b/c", "models:/@x", "runs:/abc/model"])("refuses %j", (uri) => {
    expect(() => parseModelUri(uri)).toThrow(TrackingError);
  });
});

describe.each(backends)("resolveModelUri on %s", (_name, makeDatabase) => {
  const savedUrl = process.env.DATABASE_URL;
  let database: TempDatabase;
  let workspaceId: string;
  let otherWorkspace: string;
  let runId: string;
  let experimentId: string;

  beforeAll(async () => {
    database = await makeDatabase();
    process.env.DATABASE_URL = database.url;
    const db = await getDb();
    workspaceId = (await createWorkspace(db)).id;
    otherWorkspace = (await createWorkspace(db)).id;
    const tracking = await getTrackingStore(workspaceId);
    experimentId = await tracking.createExperiment({ name: "wine" });
    runId = (await tracking.createRun({ experimentId })).info.runId;
    const registry = await getRegistryStore(workspaceId);
    await registry.createRegisteredModel({ name: "wine" });
    await registry.createModelVersion({ name: "wine", source: `runs:/${runId}/model` });
    await registry.createModelVersion({ name: "wine", source: `mlflow-artifacts:/${experimentId}/${runId}/artifacts/v2` });
    await registry.transitionModelVersionStage("wine", "1", "Production", false);
    await registry.setRegisteredModelAlias("wine", "champion", "2");
  });

  afterAll(async () => {
    await closeDb();
    await database.drop();
    if (savedUrl === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = savedUrl;
  });

  it("answers RESOURCE_DOES_NOT_EXIST for a version past an Int column (PostgreSQL would refuse the query)", async () => {
    const registry = await getRegistryStore(workspaceId);
    await expect(registry.getModelVersion("wine", "2147483648")).rejects.toMatchObject({ errorCode: "RESOURCE_DOES_NOT_EXIST" });
    await expect(registry.setRegisteredModelAlias("wine", "big", "2147483648")).rejects.toMatchObject({ errorCode: "RESOURCE_DOES_NOT_EXIST" });
  });

  it.each([
    ["models:/wine/1", "artifacts/model", "1"],
    ["models:/wine/production", "artifacts/model", "1"],
    ["models:/wine/latest", "artifacts/v2", "2"],
    ["models:/wine@champion", "artifacts/v2", "2"],
  ])("%s → its version's files", async (uri, suffix, version) => {
    const resolved = await resolveModelUri(workspaceId, uri);
    expect(resolved.storagePath).toBe(`${experimentId}/${runId}/${suffix}`);
    expect(resolved.artifactUri).toBe(`mlflow-artifacts:/${experimentId}/${runId}/${suffix}`);
    expect(resolved.modelVersion?.version).toBe(version);
  });

  it("resolves runs:/ URIs to the run's artifacts", async () => {
    const resolved = await resolveModelUri(workspaceId, `runs:/${runId}/model/MLmodel`);
    expect(resolved).toEqual({
      artifactUri: `mlflow-artifacts:/${experimentId}/${runId}/artifacts/model/MLmodel`,
      storagePath: `${experimentId}/${runId}/artifacts/model/MLmodel`,
      modelVersion: null,
    });
  });

  it("answers RESOURCE_DOES_NOT_EXIST for what is missing or in another workspace", async () => {
    for (const [ws, uri] of [
      [workspaceId, "models:/wine/Staging"],
      [workspaceId, "models:/wine/9"],
      [workspaceId, "models:/wine@nobody"],
      [workspaceId, "models:/other/1"],
      [otherWorkspace, "models:/wine/1"],
      [otherWorkspace, `runs:/${runId}/model`],
    ] as const) {
      await expect(resolveModelUri(ws, uri)).rejects.toMatchObject({ errorCode: "RESOURCE_DOES_NOT_EXIST" });
    }
    await expect(resolveModelUri(workspaceId, `runs:/${runId}/../../x`)).rejects.toMatchObject({ errorCode: "INVALID_PARAMETER_VALUE" });
  });
});
