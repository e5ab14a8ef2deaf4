/**
 * What a client's artifact path can do to the storage, on a real temporary directory: too long,
 * a file where a directory is needed, a directory where a file is written, nothing there. Each
 * is an MLflow error (a 4xx), never a file-system error answered as a 500.
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { TrackingError } from "@/lib/tracking/protocol";
import { serveArtifactRequest } from "./http";
import { LocalDirectoryStorage } from "./local-directory";
import { MAX_ARTIFACT_PATH_BYTES, MAX_ARTIFACT_SEGMENT_BYTES, normalizeArtifactPath } from "./paths";

const root = mkdtempSync(path.join(os.tmpdir(), "cuvee-artifact-errors-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let storages = 0;
function freshStorage(): LocalDirectoryStorage {
  return new LocalDirectoryStorage(path.join(root, `ws${++storages}`));
}

const bytes = (text: string) => new TextEncoder().encode(text);

async function rejection(promise: Promise<unknown>): Promise<TrackingError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TrackingError);
  return error as TrackingError;
}

describe("normalizeArtifactPath's length limits", () => {
  it(`accepts names of ${MAX_ARTIFACT_SEGMENT_BYTES} bytes and refuses one more, counting UTF-8 bytes`, () => {
    expect(normalizeArtifactPath(`d/${"a".repeat(MAX_ARTIFACT_SEGMENT_BYTES)}`)).toBe(`d/${"a".repeat(MAX_ARTIFACT_SEGMENT_BYTES)}`);
    expect(() => normalizeArtifactPath(`d/${"a".repeat(MAX_ARTIFACT_SEGMENT_BYTES + 1)}`)).toThrow(/longer than 255 bytes/);
    // "é" is two bytes: 128 of them are 256 bytes.
    expect(() => normalizeArtifactPath("é".repeat(128))).toThrow(TrackingError);
  });

  it(`refuses paths over ${MAX_ARTIFACT_PATH_BYTES} bytes`, () => {
    const segment = "s".repeat(99);
    const fits = Array.from({ length: 10 }, () => segment).join("/"); // 999 bytes
    expect(normalizeArtifactPath(fits)).toBe(fits);
    const error = (() => {
      try {
        normalizeArtifactPath(`${fits}/${"x".repeat(30)}`);
      } catch (e) {
        return e;
      }
    })() as TrackingError;
    expect(error.errorCode).toBe("INVALID_PARAMETER_VALUE");
  });
});

describe("LocalDirectoryStorage's client errors", () => {
  const tooLong = "n".repeat(300);

  it("refuses an over-long name on every operation before touching the disk", async () => {
    const storage = freshStorage();
    for (const attempt of [
      storage.put(`d/${tooLong}`, bytes("x")),
      storage.get(`d/${tooLong}`),
      storage.list(`d/${tooLong}`),
      storage.delete(`d/${tooLong}`),
    ]) {
      expect((await rejection(attempt)).errorCode).toBe("INVALID_PARAMETER_VALUE");
    }
  });

  it("writes a name of the longest length (its temporary file does not make it longer)", async () => {
    const storage = freshStorage();
    const name = "m".repeat(MAX_ARTIFACT_SEGMENT_BYTES);
    await storage.put(name, bytes("long"));
    expect(await new Response((await storage.get(name))!.body).text()).toBe("long");
    expect(await storage.list("")).toEqual([{ name, isDir: false, size: 4 }]);
  });

  it("refuses to write under a file, naming the file in the way", async () => {
    const storage = freshStorage();
    await storage.put("x.txt", bytes("file"));
    for (const below of ["x.txt/child", "x.txt/a/b/c"]) {
      const error = await rejection(storage.put(below, bytes("no")));
      expect({ code: error.errorCode, status: error.httpStatus }).toEqual({ code: "RESOURCE_ALREADY_EXISTS", status: 400 });
      expect(error.message).toBe(`Cannot write the artifact '${below}': 'x.txt' is a file, not a directory.`);
    }
    expect(await new Response((await storage.get("x.txt"))!.body).text()).toBe("file");
  });

  it("refuses to write a file over a directory, and leaves no temporary file behind", async () => {
    const storage = freshStorage();
    await storage.put("d/f", bytes("inside"));
    const error = await rejection(storage.put("d", bytes("over")));
    expect(error.errorCode).toBe("RESOURCE_ALREADY_EXISTS");
    expect(error.message).toBe("Cannot write the artifact 'd': a directory already has that name.");
    expect(await storage.list("")).toEqual([{ name: "d", isDir: true, size: null }]);
    expect(readdirSync(path.join(root, `ws${storages}`))).toEqual(["d"]);
  });

  it("reads a path under a file as nothing there", async () => {
    const storage = freshStorage();
    await storage.put("x.txt", bytes("file"));
    expect(await storage.get("x.txt/child")).toBeNull();
    expect(await storage.list("x.txt/child")).toEqual([]);
    expect(await storage.delete("x.txt/child")).toBe(false);
  });
});

describe("the artifact service's answers to those errors", () => {
  const storage = freshStorage();
  const base = "http://localhost/api/2.0/mlflow-artifacts/artifacts";

  async function send(method: string, artifactPath: string, body?: string) {
    const request = new Request(`${base}/${artifactPath}`, { method, body });
    const response = await serveArtifactRequest(method, ["artifacts", ...artifactPath.split("/")], request, async () => storage);
    return { status: response.status, json: await response.json() };
  }

  const overLong = `d/${"n".repeat(300)}`;
  it.each([
    { method: "GET", what: "a 300-byte name", artifactPath: overLong, status: 400, code: "INVALID_PARAMETER_VALUE" },
    { method: "PUT", what: "a 300-byte name", artifactPath: overLong, status: 400, code: "INVALID_PARAMETER_VALUE" },
    { method: "DELETE", what: "a 300-byte name", artifactPath: overLong, status: 400, code: "INVALID_PARAMETER_VALUE" },
    { method: "GET", what: "a missing file", artifactPath: "missing.txt", status: 404, code: "RESOURCE_DOES_NOT_EXIST" },
    { method: "DELETE", what: "a missing file", artifactPath: "missing.txt", status: 404, code: "RESOURCE_DOES_NOT_EXIST" },
  ])("$method $what → $status $code", async ({ method, artifactPath, status, code }) => {
    const answer = await send(method, artifactPath, method === "PUT" ? "x" : undefined);
    expect(answer.status).toBe(status);
    expect(Object.keys(answer.json).sort()).toEqual(["error_code", "message"]);
    expect(answer.json.error_code).toBe(code);
  });

  it("lists an over-long directory as an invalid parameter", async () => {
    const request = new Request(`${base}?path=${"n".repeat(300)}`);
    const response = await serveArtifactRequest("GET", ["artifacts"], request, async () => storage);
    expect(response.status).toBe(400);
    expect((await response.json()).error_code).toBe("INVALID_PARAMETER_VALUE");
  });

  it("answers file/directory clashes with RESOURCE_ALREADY_EXISTS", async () => {
    expect((await send("PUT", "x.txt", "file")).status).toBe(200);
    expect(await send("PUT", "x.txt/child", "no")).toEqual({
      status: 400,
      json: { error_code: "RESOURCE_ALREADY_EXISTS", message: "Cannot write the artifact 'x.txt/child': 'x.txt' is a file, not a directory." },
    });
    expect((await send("PUT", "d/f", "inside")).status).toBe(200);
    expect(await send("PUT", "d", "over")).toEqual({
      status: 400,
      json: { error_code: "RESOURCE_ALREADY_EXISTS", message: "Cannot write the artifact 'd': a directory already has that name." },
    });
    expect((await send("GET", "d")).json.error_code).toBe("RESOURCE_DOES_NOT_EXIST");
  });
});
