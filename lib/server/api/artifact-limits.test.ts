/**
 * The artifact service's ceilings, in-process: a file over CUVEE_ARTIFACT_MAX_FILE_BYTES and a
 * workspace over CUVEE_ARTIFACT_QUOTA_BYTES are refused while the upload streams (the body counts
 * what was pulled), and nothing of a refused upload stays on disk.
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/lib/server/db";
import { tempSqliteDatabase, type TempDatabase } from "@/lib/server/db/testing";
import { countedBody, streamedRequest } from "@/lib/server/rest/testing";
import { createWorkspace } from "@/lib/server/workspaces";
import { HttpArtifactRepository } from "@/lib/tracking/artifact-repository";
import { MlflowException } from "@/lib/tracking/exceptions";
import { handleArtifactRequest } from "./artifacts";

const saved = {
  DATABASE_URL: process.env.DATABASE_URL,
  CUVEE_ARTIFACTS_DIR: process.env.CUVEE_ARTIFACTS_DIR,
  CUVEE_ARTIFACT_MAX_FILE_BYTES: process.env.CUVEE_ARTIFACT_MAX_FILE_BYTES,
  CUVEE_ARTIFACT_QUOTA_BYTES: process.env.CUVEE_ARTIFACT_QUOTA_BYTES,
};
let database: TempDatabase;
let artifactsDir: string;
let workspaceId: string;
const runDir = "1/0123456789abcdef0123456789abcdef/artifacts";

async function put(file: string, bytes: number, headers: Record<string, string> = {}) {
  const body = countedBody(bytes, 16 * 1024);
  const url = `http://cuvee.test/api/2.0/mlflow-artifacts/artifacts/${runDir}/${file}`;
  const request = streamedRequest(body.stream, headers, url, "PUT");
  const response = await handleArtifactRequest(workspaceId, "PUT", ["artifacts", ...`${runDir}/${file}`.split("/")], request);
  return { status: response.status, json: (await response.json()) as Record<string, unknown>, pulled: body.pulled() };
}

async function remove(file: string) {
  const url = `http://cuvee.test/api/2.0/mlflow-artifacts/artifacts/${runDir}/${file}`;
  const response = await handleArtifactRequest(workspaceId, "DELETE", ["artifacts", ...`${runDir}/${file}`.split("/")], new Request(url, { method: "DELETE" }));
  expect(response.status).toBe(200);
}

/** The files of the run's artifact directory on disk, half-written ones included. */
function filesOnDisk(): string[] {
  try {
    return readdirSync(path.join(artifactsDir, workspaceId, runDir)).sort();
  } catch {
    return [];
  }
}

beforeAll(async () => {
  database = tempSqliteDatabase();
  process.env.DATABASE_URL = database.url;
  artifactsDir = mkdtempSync(path.join(os.tmpdir(), "cuvee-artifact-limits-"));
  process.env.CUVEE_ARTIFACTS_DIR = artifactsDir;
  await getDb();
});

beforeEach(async () => {
  workspaceId = (await createWorkspace()).id;
  process.env.CUVEE_ARTIFACT_MAX_FILE_BYTES = "100000";
  process.env.CUVEE_ARTIFACT_QUOTA_BYTES = "250000";
});

afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (name === "DATABASE_URL" || name === "CUVEE_ARTIFACTS_DIR") continue;
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

afterAll(async () => {
  await closeDb();
  await database.drop();
  rmSync(artifactsDir, { recursive: true, force: true });
  for (const name of ["DATABASE_URL", "CUVEE_ARTIFACTS_DIR"] as const) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

describe("artifact file ceiling", () => {
  it("accepts a file of exactly the ceiling", async () => {
    expect((await put("exact.bin", 100_000)).status).toBe(200);
    expect(filesOnDisk()).toEqual(["exact.bin"]);
  });

  it("refuses a 500 MB upload after reading about the ceiling, and leaves nothing behind", async () => {
    const res = await put("huge.bin", 500_000_000);
    expect(res.status).toBe(413);
    expect(res.json).toEqual({
      error_code: "INVALID_PARAMETER_VALUE",
      message: `Artifact file '${runDir}/huge.bin' is larger than the limit of 100000 bytes per file.`,
    });
    expect(res.pulled).toBeLessThanOrEqual(100_000 + 2 * 16 * 1024);
    expect(filesOnDisk()).toEqual([]);
  });

  it("refuses a declared length over the ceiling without reading the body", async () => {
    const res = await put("declared.bin", 100_001, { "content-length": "100001" });
    expect(res.status).toBe(413);
    expect(res.pulled).toBe(0);
  });
});

describe("workspace artifact quota", () => {
  it("refuses the upload that would pass the quota, counts a replaced file once, frees space on delete", async () => {
    expect((await put("a.bin", 100_000)).status).toBe(200);
    expect((await put("sub/b.bin", 100_000)).status).toBe(200);
    // 200 000 used, 50 000 left.
    const over = await put("c.bin", 60_000);
    expect(over.status).toBe(413);
    expect(over.json).toEqual({
      error_code: "RESOURCE_EXHAUSTED",
      message: `Artifact file '${runDir}/c.bin' does not fit in this workspace's artifact quota of 250000 bytes (200000 bytes already used).`,
    });
    expect(over.pulled).toBeLessThanOrEqual(50_000 + 2 * 16 * 1024);
    expect(filesOnDisk()).toEqual(["a.bin", "sub"]);
    expect((await put("c.bin", 50_000)).status).toBe(200);
    // Overwriting a.bin replaces its 100 000 bytes: it still fits.
    expect((await put("a.bin", 100_000)).status).toBe(200);
    await remove("sub");
    expect((await put("d.bin", 100_000)).status).toBe(200);
  });

  it("is per workspace: another workspace has its own", async () => {
    expect((await put("a.bin", 100_000)).status).toBe(200);
    expect((await put("b.bin", 100_000)).status).toBe(200);
    workspaceId = (await createWorkspace()).id;
    expect((await put("a.bin", 100_000)).status).toBe(200);
  });
});

describe("the SDK's upload", () => {
  /** The artifact service behind a real HTTP server: `/w/<workspace>/api/2.0/mlflow-artifacts/…`. */
  async function serve() {
    const server = createServer((incoming, outgoing) => {
      const url = new URL(incoming.url ?? "/", "http://127.0.0.1");
      const [, , workspace = "", , , , ...segments] = url.pathname.split("/");
      const request = new Request(url, {
        method: incoming.method,
        headers: incoming.headers as Record<string, string>,
        body: incoming.method === "PUT" ? (Readable.toWeb(incoming) as ReadableStream<Uint8Array>) : undefined,
        duplex: "half",
      } as RequestInit);
      void handleArtifactRequest(workspace, incoming.method ?? "GET", segments, request).then(async (response) => {
        outgoing.writeHead(response.status, Object.fromEntries(response.headers));
        outgoing.end(Buffer.from(await response.arrayBuffer()));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return { origin, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
  }

  it("tells the learner in French when a file is over the ceiling or the quota is full", async () => {
    const server = await serve();
    try {
      const repository = new HttpArtifactRepository(`mlflow-artifacts:/${runDir}`, `${server.origin}/w/${workspaceId}`);
      const tooLarge = await repository.logBytes("model/weights.bin", new Uint8Array(100_001)).catch((e: unknown) => e);
      expect(tooLarge).toBeInstanceOf(MlflowException);
      expect((tooLarge as MlflowException).message).toBe(
        "L'artefact « model/weights.bin » dépasse la taille maximale d'un fichier d'artefact sur ce serveur (97,7 Ko) : " +
          "enregistrez un fichier plus petit (INVALID_PARAMETER_VALUE)",
      );
      await repository.logBytes("a.bin", new Uint8Array(100_000));
      await repository.logBytes("b.bin", new Uint8Array(100_000));
      const full = await repository.logBytes("c.bin", new Uint8Array(60_000)).catch((e: unknown) => e);
      expect((full as MlflowException).message).toMatch(
        /^L'artefact « c\.bin » ne tient plus dans l'espace réservé aux artefacts de votre espace de travail \(244,1 Ko, dont 195,3 Ko déjà utilisés\)/,
      );
      expect((full as MlflowException).errorCode).toBe("RESOURCE_EXHAUSTED");
    } finally {
      await server.close();
    }
  });
});
