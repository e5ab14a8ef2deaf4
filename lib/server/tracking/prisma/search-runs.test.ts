/**
 * search-runs when SQL keeps a superset that memory confirms (like-sql.ts): the page is still
 * exact and full, however many candidates memory rejects, on a fresh SQLite file and on
 * PostgreSQL when CUVEE_TEST_POSTGRES_URL is set.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb, type Db } from "@/lib/server/db";
import { tempPostgresDatabase, tempSqliteDatabase, testPostgresUrl, type TempDatabase } from "@/lib/server/db/testing";
import { SQL_LITERAL_LIMIT, SQL_VALUE_LIMIT } from "@/lib/server/search";
import { createWorkspace } from "@/lib/server/workspaces";
import type { TrackingStore } from "../store";
import { PrismaTrackingStore } from "./store";

const backends: [string, () => Promise<TempDatabase>][] = [
  ["SQLite", () => Promise.resolve(tempSqliteDatabase())],
  ...(testPostgresUrl ? ([["PostgreSQL", () => tempPostgresDatabase()]] as [string, () => Promise<TempDatabase>][]) : []),
];

/** Longer than what SQL matches: SQL keeps every value that shares its first SQL_LITERAL_LIMIT characters. */
const PREFIX = "p".repeat(SQL_LITERAL_LIMIT);
const LONG_VALUE = `${"x".repeat(SQL_VALUE_LIMIT)}Q`;

describe.each(backends)("searchRuns confirming in memory on %s", (_name, makeDatabase) => {
  const savedUrl = process.env.DATABASE_URL;
  let database: TempDatabase;
  let db: Db;
  let store: TrackingStore;
  let experimentId: string;

  beforeAll(async () => {
    database = await makeDatabase();
    process.env.DATABASE_URL = database.url;
    db = await getDb();
    store = new PrismaTrackingStore(db, (await createWorkspace(db)).id);
    experimentId = await store.createExperiment({ name: "superset" });
    // Newest first by default: 25 near misses ahead of the 3 matches, then one long value.
    const specs = [
      ...Array.from({ length: 3 }, (_, i) => ({ name: `hit-${i}`, start: 100 + i, tag: `${PREFIX}z` })),
      ...Array.from({ length: 25 }, (_, i) => ({ name: `miss-${i}`, start: 1000 + i, tag: `${PREFIX}Z` })),
      { name: "long", start: 5000, tag: LONG_VALUE },
    ];
    for (const spec of specs) {
      const { info } = await store.createRun({ experimentId, runName: spec.name, startTime: spec.start });
      await store.logBatch(info.runId, { tags: [{ key: "t", value: spec.tag }] });
    }
  }, 60_000); // 58 writes, on a busy machine

  afterAll(async () => {
    await closeDb();
    await database.drop();
    if (savedUrl === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = savedUrl;
  });

  const names = (page: { items: { info: { runName: string } }[] }) => page.items.map((r) => r.info.runName);

  it("reads on past rejected candidates until the page is full, and pages on after them", async () => {
    const filter = `tags.t LIKE '${PREFIX}z'`;
    const first = await store.searchRuns({ experimentIds: [experimentId], filter, maxResults: 2 });
    expect(names(first)).toEqual(["hit-2", "hit-1"]);
    const second = await store.searchRuns({ experimentIds: [experimentId], filter, maxResults: 2, pageToken: first.nextPageToken });
    expect(names(second)).toEqual(["hit-0"]);
    expect(second.nextPageToken).toBeNull();
    expect(names(await store.searchRuns({ experimentIds: [experimentId], filter: `tags.t ILIKE '${PREFIX}z'`, maxResults: 100 }))).toHaveLength(28);
  });

  it("matches values longer than SQL matches in memory, with LIKE's case rule", async () => {
    expect(names(await store.searchRuns({ experimentIds: [experimentId], filter: "tags.t LIKE '%Q'" }))).toEqual(["long"]);
    expect(names(await store.searchRuns({ experimentIds: [experimentId], filter: "tags.t LIKE '%q'" }))).toEqual([]);
    expect(names(await store.searchRuns({ experimentIds: [experimentId], filter: "tags.t ILIKE 'x%q'" }))).toEqual(["long"]);
  });

  it("skips an offset token's rows among confirmed ones", async () => {
    const token = Buffer.from('{"offset": 1}').toString("base64");
    const page = await store.searchRuns({ experimentIds: [experimentId], filter: `tags.t LIKE '${PREFIX}z'`, maxResults: 1, pageToken: token });
    expect(names(page)).toEqual(["hit-1"]);
  });
});
