/** Artifact paths and the local-directory storage, on a real temporary directory. */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { TrackingError } from "@/lib/tracking/protocol";
import { artifactContentType } from "./content-type";
import { LocalDirectoryStorage } from "./local-directory";
import { normalizeArtifactPath, storagePathOfArtifactUri } from "./paths";

const root = mkdtempSync(path.join(os.tmpdir(), "cuvee-artifacts-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function text(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe("normalizeArtifactPath", () => {
  it("normalises separators and dots", () => {
    expect(normalizeArtifactPath("")).toBe("");
    expect(normalizeArtifactPath("a//b/./c/")).toBe("a/b/c");
    expect(normalizeArtifactPath("model/MLmodel")).toBe("model/MLmodel");
    expect(normalizeArtifactPath("a..b/c.")).toBe("a..b/c.");
  });

  it.each(["../x", "a/../../x", "a/..", "/etc/passwd", "a\\..\\b", "C:/x", "a\u0000b", "a\nb"])("refuses %j", (raw) => {
    expect(() => normalizeArtifactPath(raw)).toThrow(TrackingError);
  });

  it("reads mlflow-artifacts URIs in their three spellings", () => {
    expect(storagePathOfArtifactUri("mlflow-artifacts:/1/abc/artifacts")).toBe("1/abc/artifacts");
    expect(storagePathOfArtifactUri("mlflow-artifacts:///1/abc")).toBe("1/abc");
    expect(storagePathOfArtifactUri("mlflow-artifacts://host:5000/1/abc")).toBe("1/abc");
    expect(storagePathOfArtifactUri("s3://bucket/x")).toBeNull();
    expect(() => storagePathOfArtifactUri("mlflow-artifacts:/1/../../x")).toThrow(TrackingError);
  });
});

describe("LocalDirectoryStorage", () => {
  const storage = new LocalDirectoryStorage(path.join(root, "ws"));

  it("puts, gets, lists and deletes, streaming", async () => {
    await storage.put("1/run/artifacts/model/MLmodel", new TextEncoder().encode("flavors: {}\n"));
    const body = new Blob(["a,b\n1,2\n"]).stream();
    await storage.put("1/run/artifacts/data.csv", body);
    const file = await storage.get("1/run/artifacts/data.csv");
    expect(file?.size).toBe(8);
    expect(await text(file!.body)).toBe("a,b\n1,2\n");
    expect(await storage.list("1/run/artifacts")).toEqual([
      { name: "data.csv", isDir: false, size: 8 },
      { name: "model", isDir: true, size: null },
    ]);
    expect(await storage.get("1/run/artifacts/model")).toBeNull();
    expect(await storage.list("nothing/here")).toEqual([]);
    expect(await storage.delete("1/run/artifacts/model")).toBe(true);
    expect(await storage.delete("1/run/artifacts/model")).toBe(false);
    expect(await storage.list("1/run/artifacts")).toEqual([{ name: "data.csv", isDir: false, size: 8 }]);
  });

  it("replaces a file atomically and never leaves its root", async () => {
    await storage.put("f.txt", new TextEncoder().encode("one"));
    await storage.put("f.txt", new TextEncoder().encode("two"));
    expect(await text((await storage.get("f.txt"))!.body)).toBe("two");
    await expect(storage.get("../outside")).rejects.toThrow(TrackingError);
    await expect(storage.put("/abs", new Uint8Array())).rejects.toThrow(TrackingError);
  });
});

describe("artifactContentType", () => {
  it("never labels runnable content as such", () => {
    expect(artifactContentType("a/index.html")).toBe("text/plain; charset=utf-8");
    expect(artifactContentType("x.JS")).toBe("text/plain; charset=utf-8");
    expect(artifactContentType("plot.svg")).toBe("image/svg+xml");
    expect(artifactContentType("model/MLmodel")).toBe("text/plain; charset=utf-8");
    expect(artifactContentType("model.pkl")).toBe("application/octet-stream");
    expect(artifactContentType(".bashrc")).toBe("application/octet-stream");
  });
});
