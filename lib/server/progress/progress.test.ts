import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/lib/server/db";
import { tempSqliteDatabase, type TempDatabase } from "@/lib/server/db/testing";
import { createWorkspace } from "@/lib/server/workspaces";
import { listDoneBlocs, markBlocDone } from "./index";

const savedUrl = process.env.DATABASE_URL;
let database: TempDatabase;

beforeAll(async () => {
  database = tempSqliteDatabase();
  process.env.DATABASE_URL = database.url;
  await getDb();
});

afterAll(async () => {
  await closeDb();
  await database.drop();
  if (savedUrl === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = savedUrl;
});

describe("progress", () => {
  it("records done blocs once each and lists them in order, per workspace", async () => {
    const { id } = await createWorkspace();
    const other = await createWorkspace();
    expect(await listDoneBlocs(id)).toEqual([]);
    await markBlocDone(id, 3);
    await markBlocDone(id, 1);
    await markBlocDone(id, 3);
    expect(await listDoneBlocs(id)).toEqual([1, 3]);
    expect(await listDoneBlocs(other.id)).toEqual([]);
  });

  it("refuses unknown workspaces and invalid bloc numbers", async () => {
    await expect(markBlocDone("unknownWorkspace000000", 1)).rejects.toMatchObject({ errorCode: "RESOURCE_DOES_NOT_EXIST" });
    const { id } = await createWorkspace();
    for (const bloc of [-1, 1.5, Number.NaN]) {
      await expect(markBlocDone(id, bloc)).rejects.toMatchObject({ errorCode: "INVALID_PARAMETER_VALUE" });
    }
    expect(await listDoneBlocs("bad/id")).toEqual([]);
  });
});
