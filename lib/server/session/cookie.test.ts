import { describe, expect, it } from "vitest";
import { safeNextPath, workspaceCookieOptions } from "./cookie";

describe("safeNextPath", () => {
  it("keeps same-origin paths, with their query and fragment", () => {
    expect(safeNextPath("/cours/3")).toBe("/cours/3");
    expect(safeNextPath("/suivi/comparer?runs=a%2Cb")).toBe("/suivi/comparer?runs=a%2Cb");
    expect(safeNextPath("/suivi/modeles/mon%20mod%C3%A8le#v2")).toBe("/suivi/modeles/mon%20mod%C3%A8le#v2");
  });

  // As the route receives them: the query string already decoded once (`%09` is a tab).
  const leaving = [
    "/\t/evil.com",
    "/\n/evil.com",
    "/\r/evil.com",
    "/\r\n/evil.com",
    "//evil.com",
    "/\\evil.com",
    "/\\/evil.com",
    "\\\\evil.com",
    "/.//evil.com",
    "/%2e//evil.com",
    "/\u0000/evil.com",
    "/\u007f/evil.com",
    "https://evil.com",
    "http:/evil.com",
    "javascript:alert(1)",
    "evil.com",
    "",
  ];
  it.each(leaving)("refuses %j (it leaves the origin once parsed)", (next) => {
    expect(safeNextPath(next)).toBe("/cours");
  });

  it("decoded a second time, an encoded variant stays a path on this origin", () => {
    // `?next=/%2509/evil.com` arrives as `/%09/evil.com`: a literal path segment, harmless.
    expect(safeNextPath("/%09/evil.com")).toBe("/%09/evil.com");
    expect(new URL(safeNextPath("/%5Cevil.com"), "https://cours.example").origin).toBe("https://cours.example");
  });

  it("falls back to the given default for nothing or something huge", () => {
    expect(safeNextPath(null, "/suivi")).toBe("/suivi");
    expect(safeNextPath(undefined)).toBe("/cours");
    expect(safeNextPath(`/${"a".repeat(5000)}`)).toBe("/cours");
  });
});

describe("workspaceCookieOptions", () => {
  it("is httpOnly and lax, and Secure only when asked", () => {
    expect(workspaceCookieOptions(true)).toMatchObject({ httpOnly: true, sameSite: "lax", path: "/", secure: true });
    expect(workspaceCookieOptions(false).secure).toBe(false);
  });
});
