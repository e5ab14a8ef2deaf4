import { describe, expect, it } from "vitest";
import { errorToBody } from "./http";

describe("errorToBody", () => {
  it("maps a unique violation to RESOURCE_ALREADY_EXISTS and hides unknown errors behind a 500", () => {
    expect(errorToBody(Object.assign(new Error("Unique constraint failed"), { code: "P2002" }))).toMatchObject({
      status: 400,
      body: { error_code: "RESOURCE_ALREADY_EXISTS" },
    });
    const original = console.error;
    console.error = () => {};
    try {
      const { status, body } = errorToBody(new Error("secret detail"));
      expect(status).toBe(500);
      expect(body.error_code).toBe("INTERNAL_ERROR");
      expect(body.message).not.toContain("secret");
    } finally {
      console.error = original;
    }
  });

  it("maps a write refused by a saturated database to TEMPORARILY_UNAVAILABLE (503), SQLite's queue and PostgreSQL's pool alike", () => {
    const sqliteQueue = Object.assign(new Error("1000 writes are already waiting for the database"), { name: "DatabaseBusyError" });
    const postgresPool = Object.assign(new Error("Transaction API error: Unable to start a transaction in the given time."), { code: "P2028" });
    for (const error of [sqliteQueue, postgresPool]) {
      expect(errorToBody(error)).toMatchObject({ status: 503, body: { error_code: "TEMPORARILY_UNAVAILABLE" } });
    }
    // An expired transaction is a bug (a transaction held too long), not a refusal: still a 500.
    const original = console.error;
    console.error = () => {};
    try {
      const expired = Object.assign(new Error("A commit cannot be executed on an expired transaction."), { code: "P2028" });
      expect(errorToBody(expired).status).toBe(500);
    } finally {
      console.error = original;
    }
  });
});
