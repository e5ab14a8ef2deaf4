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
});
