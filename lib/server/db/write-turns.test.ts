import { describe, expect, it } from "vitest";
import { DatabaseBusyError, WriteTurns } from "./write-turns";

describe("WriteTurns", () => {
  it("grants turns one at a time, in order of arrival", async () => {
    const turns = new WriteTurns({ maxWaiting: 10, maxWaitMs: 1_000 });
    const order: number[] = [];
    const first = await turns.acquire();
    const later = [1, 2, 3].map((n) => turns.acquire().then((release) => (order.push(n), release)));
    expect(turns.waiting).toBe(3);
    first();
    for (const turn of later) (await turn)();
    expect(order).toEqual([1, 2, 3]);
    expect(turns.waiting).toBe(0);
  });

  it("ignores a second release of the same turn (it would hand out two turns at once)", async () => {
    const turns = new WriteTurns({ maxWaiting: 10, maxWaitMs: 1_000 });
    const release = await turns.acquire();
    const a = turns.acquire();
    const b = turns.acquire();
    release();
    release();
    await a;
    expect(turns.waiting).toBe(1);
    void b;
  });

  it("refuses when the queue is full, and a waiter whose turn does not come in time", async () => {
    const turns = new WriteTurns({ maxWaiting: 1, maxWaitMs: 30 });
    const held = await turns.acquire();
    const waiting = turns.acquire();
    await expect(turns.acquire()).rejects.toBeInstanceOf(DatabaseBusyError);
    await expect(waiting).rejects.toThrow("within 30 ms");
    expect(turns.waiting).toBe(0);
    held();
    (await turns.acquire())();
  });
});
