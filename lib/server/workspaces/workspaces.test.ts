import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb, type Db } from "@/lib/server/db";
import { tempSqliteDatabase, type TempDatabase } from "@/lib/server/db/testing";
import { createWorkspace, ensureWorkspace, isValidWorkspaceId, newWorkspaceId, workspaceExists } from "./index";

const savedUrl = process.env.DATABASE_URL;
let database: TempDatabase;
let db: Db;

beforeAll(async () => {
  database = tempSqliteDatabase();
  process.env.DATABASE_URL = database.url;
  db = await getDb();
});

afterAll(async () => {
  await closeDb();
  await database.drop();
  if (savedUrl === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = savedUrl;
});

describe("workspace ids", () => {
  it("are 22 unguessable base64url characters", () => {
    const ids = new Set(Array.from({ length: 200 }, newWorkspaceId));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it("are validated before reaching the database", () => {
    expect(isValidWorkspaceId("default")).toBe(true);
    for (const bad of ["", "a/b", "x".repeat(65), "../x", "a b", 42]) expect(isValidWorkspaceId(bad)).toBe(false);
  });
});

describe("createWorkspace / ensureWorkspace / workspaceExists", () => {
  it("creates a workspace with its Default experiment", async () => {
    const { id, createdAt } = await createWorkspace();
    expect(createdAt).toBeInstanceOf(Date);
    expect(await workspaceExists(id)).toBe(true);
    const experiments = await db.experiment.findMany({ where: { workspaceId: id } });
    expect(experiments.map((e) => [e.number, e.name, e.artifactLocation])).toEqual([[0, "Default", "mlflow-artifacts:/0"]]);
  });

  it("ensures idempotently, even concurrently, and repairs a missing Default experiment", async () => {
    await Promise.all([ensureWorkspace("default"), ensureWorkspace("default"), ensureWorkspace("default")]);
    expect(await db.experiment.count({ where: { workspaceId: "default" } })).toBe(1);
    await db.experiment.deleteMany({ where: { workspaceId: "default" } });
    await ensureWorkspace("default");
    expect(await db.experiment.count({ where: { workspaceId: "default", number: 0 } })).toBe(1);
    await expect(ensureWorkspace("no/slashes")).rejects.toMatchObject({ errorCode: "INVALID_PARAMETER_VALUE" });
  });

  it("answers false for unknown and malformed ids", async () => {
    expect(await workspaceExists("unknownWorkspace000000")).toBe(false);
    expect(await workspaceExists("../../etc/passwd")).toBe(false);
  });
});
