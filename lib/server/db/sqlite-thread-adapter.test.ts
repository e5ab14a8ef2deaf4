// The Prisma client over the worker-thread SQLite adapter, on a real database file: what Prisma
// needs from an adapter (reads, writes, transactions, errors it recognises) and what the thread
// is for (the caller's event loop keeps running while SQLite works).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveDbConfig } from "./config";
import { PrismaClient } from "./generated/sqlite/client";
import { migrate } from "./migrate";
import { PrismaSqliteThread } from "./sqlite-thread-adapter";

let dir: string;
let prisma: PrismaClient;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "cuvee-sqlite-thread-"));
  const file = path.join(dir, "cuvee.db");
  await migrate(resolveDbConfig(`file:${file}`));
  prisma = new PrismaClient({ adapter: new PrismaSqliteThread({ url: file, timeout: 5_000 }) });
});

afterAll(async () => {
  await prisma.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

describe("PrismaSqliteThread", () => {
  it("reads and writes through Prisma, with its types (BigInt, Date)", async () => {
    await prisma.workspace.create({
      data: {
        id: "ws-read-write",
        experiments: {
          create: { number: 0, name: "Default", artifactLocation: "mlflow-artifacts:/0", creationTime: 1n, lastUpdateTime: 2n },
        },
      },
    });
    const read = await prisma.workspace.findUnique({ where: { id: "ws-read-write" }, include: { experiments: true } });
    expect(read?.createdAt).toBeInstanceOf(Date);
    expect(read?.experiments).toEqual([expect.objectContaining({ name: "Default", creationTime: 1n, lastUpdateTime: 2n })]);
  });

  it("binds each call's own arguments when one statement text runs again (compiled statements are reused)", async () => {
    const ids = Array.from({ length: 20 }, (_, i) => `ws-same-sql-${i}`);
    await Promise.all(ids.map((id) => prisma.workspace.create({ data: { id } })));
    const found = await Promise.all(ids.map((id) => prisma.workspace.findUnique({ where: { id } })));
    expect(found.map((w) => w?.id)).toEqual(ids);
  });

  it("still answers once more distinct statements have run than it keeps compiled", async () => {
    // Each list length is another SQL text (`IN (?, ?, …)`): 600 texts, beyond the 500 kept.
    for (let n = 1; n <= 600; n += 1) {
      const ids = Array.from({ length: n }, (_, i) => `nope-${i}`);
      expect(await prisma.workspace.count({ where: { id: { in: [...ids, "ws-read-write"] } } })).toBe(1);
    }
  });

  it("commits an interactive transaction, and rolls one back when it throws", async () => {
    await prisma.$transaction(async (tx) => {
      await tx.workspace.create({ data: { id: "ws-committed" } });
    });
    await expect(
      prisma.$transaction(async (tx) => {
        await tx.workspace.create({ data: { id: "ws-rolled-back" } });
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect(await prisma.workspace.findUnique({ where: { id: "ws-committed" } })).not.toBeNull();
    expect(await prisma.workspace.findUnique({ where: { id: "ws-rolled-back" } })).toBeNull();
  });

  it("runs concurrent transactions one after the other, none lost", async () => {
    await prisma.workspace.create({ data: { id: "ws-counter" } });
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        prisma.$transaction(async (tx) => {
          const count = await tx.experiment.count({ where: { workspaceId: "ws-counter" } });
          await tx.experiment.create({
            data: { workspaceId: "ws-counter", number: count, name: `e${i}`, artifactLocation: "x", creationTime: 0n, lastUpdateTime: 0n },
          });
        }),
      ),
    );
    const numbers = (await prisma.experiment.findMany({ where: { workspaceId: "ws-counter" } })).map((e) => e.number);
    expect(numbers.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("refuses a transaction that cannot begin when it begins, and the next one still runs", async () => {
    // At the adapter itself: Prisma's types allow SQLite no other isolation level, and the
    // adapter refuses the others when the transaction begins, in the worker.
    const adapter = await new PrismaSqliteThread({ url: path.join(dir, "cuvee.db") }).connect();
    try {
      const select = { sql: "SELECT 1 AS one", args: [], argTypes: [] };
      await expect(adapter.startTransaction("READ COMMITTED")).rejects.toMatchObject({
        name: "DriverAdapterError",
        cause: { kind: "InvalidIsolationLevel" },
      });
      const next = await adapter.startTransaction(); // the adapter sends BEGIN itself; Prisma, COMMIT
      expect((await next.queryRaw(select)).rows).toEqual([[1]]);
      await next.executeRaw({ sql: "COMMIT", args: [], argTypes: [] });
      await next.commit();
    } finally {
      await adapter.dispose();
    }
  });

  it("never lets a write from outside a transaction fall into another's, and be rolled back with it", async () => {
    let outside: Promise<number> | undefined;
    await expect(
      prisma.$transaction(async (tx) => {
        await tx.workspace.create({ data: { id: "ws-rolled-back-with-its-transaction" } });
        // Another request's write, while this transaction is open (sent now: Prisma's queries
        // start on `then`; not awaited here: it waits for this transaction to end).
        outside = prisma
          .$executeRawUnsafe(`INSERT INTO "Workspace" ("id", "createdAt", "lastSeenAt") VALUES ('ws-written-beside', 0, 0)`)
          .then((count) => count);
        await new Promise((resolve) => setTimeout(resolve, 20));
        await tx.workspace.count();
        throw new Error("refused");
      }),
    ).rejects.toThrow("refused");
    expect(await outside).toBe(1);
    expect(await prisma.workspace.findUnique({ where: { id: "ws-written-beside" } })).not.toBeNull();
    expect(await prisma.workspace.findUnique({ where: { id: "ws-rolled-back-with-its-transaction" } })).toBeNull();
  });

  it("runs a transaction from BEGIN to COMMIT without letting the caller's queued work in between", async () => {
    // Under load the event loop is full of other requests' work. A transaction's statements must
    // not each wait behind it while the transaction holds SQLite's one writer (docs/decisions/011):
    // work queued before the transaction starts runs only after it has committed.
    await prisma.workspace.create({ data: { id: "ws-one-turn" } });
    const events: string[] = [];
    setImmediate(() => events.push("queued work"));
    await prisma.$transaction(async (tx) => {
      for (let i = 0; i < 5; i += 1) await tx.workspace.update({ where: { id: "ws-one-turn" }, data: { lastSeenAt: new Date() } });
      await tx.experiment.count({ where: { workspaceId: "ws-one-turn" } });
    });
    events.push("committed");
    await new Promise((resolve) => setImmediate(resolve));
    expect(events).toEqual(["committed", "queued work"]);
  });

  it("refuses a transaction at once when too many wait for the writer, and one whose turn does not come in time", async () => {
    const file = path.join(dir, "cuvee.db");
    const bounded = new PrismaClient({ adapter: new PrismaSqliteThread({ url: file, writeTurns: { maxWaiting: 1, maxWaitMs: 100 } }) });
    try {
      let release = () => {};
      const holding = bounded.$transaction(async (tx) => {
        await tx.workspace.count();
        await new Promise<void>((resolve) => (release = resolve));
      });
      await new Promise((resolve) => setTimeout(resolve, 20));
      const waiting = bounded.$transaction((tx) => tx.workspace.count());
      const refused = bounded.$transaction((tx) => tx.workspace.count());
      await expect(refused).rejects.toMatchObject({ name: "DatabaseBusyError" });
      await expect(waiting).rejects.toMatchObject({ name: "DatabaseBusyError", message: expect.stringContaining("100 ms") });
      release();
      await holding;
      // The writer is free again: the next transaction runs.
      expect(await bounded.$transaction((tx) => tx.workspace.count())).toBeGreaterThan(0);
    } finally {
      await bounded.$disconnect();
    }
  });

  it("passes database errors on as Prisma's own (a unique violation is P2002)", async () => {
    await prisma.workspace.create({ data: { id: "ws-unique" } });
    await expect(prisma.workspace.create({ data: { id: "ws-unique" } })).rejects.toMatchObject({ code: "P2002" });
    await expect(prisma.$executeRawUnsafe("SELECT * FROM no_such_table")).rejects.toThrow(/no_such_table/);
  });

  it("reads at once what was just written (reads and writes use two connections)", async () => {
    for (let i = 0; i < 20; i += 1) {
      await prisma.$executeRawUnsafe(`INSERT INTO "Workspace" ("id", "createdAt", "lastSeenAt") VALUES (?, 0, 0)`, `ws-raw-${i}`);
      expect(await prisma.workspace.count({ where: { id: `ws-raw-${i}` } })).toBe(1);
    }
  });

  it("runs plain SELECTs in the calling thread, and everything else in the worker", async () => {
    const slowCount = "SELECT count(*) AS n FROM (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000) SELECT x FROM c)";
    const order = async (sql: string) => {
      const events: string[] = [];
      const query = prisma.$queryRawUnsafe(sql).then(() => events.push("query done"));
      const timer = new Promise<void>((resolve) => setTimeout(() => resolve(void events.push("timer")), 0));
      await Promise.all([query, timer]);
      return events;
    };
    // A plain read is answered without a round trip to the worker (it holds up the caller) ...
    expect(await order(slowCount)).toEqual(["query done", "timer"]);
    // ... anything else is not.
    expect(await order(slowCount.replace(/^SELECT/, "WITH unused AS (SELECT 1) SELECT"))).toEqual(["timer", "query done"]);
  });

  it("leaves the caller's event loop free while SQLite writes", async () => {
    const events: string[] = [];
    // ~1e6 rows of recursive CTE: tens of milliseconds of SQLite on its own thread.
    const slow = prisma
      .$queryRawUnsafe<{ n: bigint }[]>("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000) SELECT count(*) AS n FROM c")
      .then(() => events.push("query done"));
    setTimeout(() => events.push("timer"), 0);
    await slow;
    // In the calling thread (Prisma's own better-sqlite3 adapter), the query would finish first.
    expect(events).toEqual(["timer", "query done"]);
  });

  it("fails to connect, instead of hanging, when the database cannot be opened", async () => {
    const broken = new PrismaClient({ adapter: new PrismaSqliteThread({ url: path.join(dir, "missing", "dir", "x.db") }) });
    await expect(broken.workspace.count()).rejects.toThrow();
    await broken.$disconnect().catch(() => undefined);
  });
});
