import { describe, expect, it } from "vitest";
import { isWorkspaceTrackingUri, printedRunIds, printedUrls, workspaceTrackingPath } from "./output";

describe("printedRunIds", () => {
  it("finds 32-hex run ids in order, repeats kept", () => {
    const id = "0123456789abcdef0123456789abcdef";
    expect(printedRunIds(`Run actif : ${id} (RUNNING)\nDernier run : ${id} (FINISHED)`)).toEqual([id, id]);
    expect(printedRunIds("pas d'identifiant, 0123456789abcdef0123456789abcdef0 trop long")).toEqual([]);
  });
});

describe("printedUrls", () => {
  it("reads addresses without trailing punctuation", () => {
    const urls = printedUrls("Serveur de suivi : http://localhost:3000/w/abc_123.\nautre : https://exemple.fr/x, fin");
    expect(urls.map((url) => url.href)).toEqual(["http://localhost:3000/w/abc_123", "https://exemple.fr/x"]);
  });
});

describe("isWorkspaceTrackingUri", () => {
  it("matches the workspace path on any host, and the root for the default workspace", () => {
    expect(workspaceTrackingPath("abc")).toBe("/w/abc");
    expect(isWorkspaceTrackingUri(new URL("http://localhost:3350/w/abc"), "abc")).toBe(true);
    expect(isWorkspaceTrackingUri(new URL("https://cuvee.example/w/abc/"), "abc")).toBe(true);
    expect(isWorkspaceTrackingUri(new URL("http://localhost:3000/w/other"), "abc")).toBe(false);
    expect(isWorkspaceTrackingUri(new URL("http://localhost:3000"), "abc")).toBe(false);
    expect(isWorkspaceTrackingUri(new URL("http://localhost:3000"), "default")).toBe(true);
  });
});
