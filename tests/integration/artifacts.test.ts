/**
 * The proxied artifact service (`/api/2.0/mlflow-artifacts/artifacts`) and `artifacts/list`,
 * un-prefixed and per workspace, against the real server and its artifact directory.
 */
import { beforeAll, afterAll, describe, expect, it } from "vitest";
import { ListArtifactsResponseSchema, ProxiedListArtifactsResponseSchema } from "@/lib/tracking/protocol";
import { artifactsApi, closeTestDb, createTestWorkspace, expectMlflowError, mlflowApi, uniqueName } from "./helpers";

const api = mlflowApi();
const files = artifactsApi();
let experimentId: string;
let runId: string;
/** The run's root inside the artifact service: what follows `mlflow-artifacts:/`. */
let root: string;

beforeAll(async () => {
  experimentId = (await api.post("experiments/create", { name: uniqueName("artifacts") })).json.experiment_id;
  const info = (await api.post("runs/create", { experiment_id: experimentId })).json.run.info;
  runId = info.run_id;
  expect(info.artifact_uri).toBe(`mlflow-artifacts:/${experimentId}/${runId}/artifacts`);
  root = `${experimentId}/${runId}/artifacts`;
});

afterAll(closeTestDb);

describe("upload, download, list, delete", () => {
  it("round-trips files and lists them as MLflow does", async () => {
    const up = await files.put(`${root}/model/MLmodel`, "flavors:\n  python_function: {}\n");
    expect(up.status).toBe(200);
    expect(await up.json()).toEqual({});
    await files.put(`${root}/metrics.json`, '{"rmse": 0.7}');

    const down = await files.get(`${root}/model/MLmodel`);
    expect(down.status).toBe(200);
    expect(await down.text()).toBe("flavors:\n  python_function: {}\n");
    expect(down.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(down.headers.get("access-control-allow-origin")).toBe("*");

    const listing = await files.list(root);
    expect(listing).toEqual({
      status: 200,
      json: { files: [{ path: "metrics.json", is_dir: false, file_size: 13 }, { path: "model", is_dir: true }] },
    });
    ProxiedListArtifactsResponseSchema.parse(listing.json);
    expect((await files.list(`${root}/nothing`)).json).toEqual({});

    const runList = await api.get("artifacts/list", { run_id: runId });
    expect(runList.json).toEqual({
      root_uri: `mlflow-artifacts:/${root}`,
      files: [{ path: "metrics.json", is_dir: false, file_size: 13 }, { path: "model", is_dir: true }],
    });
    ListArtifactsResponseSchema.parse(runList.json);
    const sub = await api.get("artifacts/list", { run_id: runId, path: "model" });
    expect(sub.json.files).toEqual([{ path: "model/MLmodel", is_dir: false, file_size: 31 }]);

    expect((await files.del(`${root}/model`)).status).toBe(200);
    expect((await files.get(`${root}/model/MLmodel`)).status).toBe(404);
    expect((await api.get("artifacts/list", { run_id: runId })).json.files).toEqual([{ path: "metrics.json", is_dir: false, file_size: 13 }]);
  });

  it("streams a large file both ways", async () => {
    const big = new Uint8Array(8 * 1024 * 1024).map((_, i) => i % 251);
    expect((await files.put(`${root}/big.bin`, big)).status).toBe(200);
    const down = await files.get(`${root}/big.bin`);
    const bytes = new Uint8Array(await down.arrayBuffer());
    expect(bytes.byteLength).toBe(big.byteLength);
    expect(bytes[1_000_003]).toBe(1_000_003 % 251);
  });

  it("answers 404 for what is not there and 405 for other methods", async () => {
    const missing = await files.get(`${root}/absent.txt`);
    expect(missing.status).toBe(404);
    expect((await missing.json()).error_code).toBe("RESOURCE_DOES_NOT_EXIST");
    expect((await files.del(`${root}/absent.txt`)).status).toBe(404);
    expect((await fetch(`${files.root}/${root}/x.txt`, { method: "POST", body: "x" })).status).toBe(405);
    expectMlflowError(await api.get("artifacts/list", { run_id: "a".repeat(32) }), 404, "RESOURCE_DOES_NOT_EXIST");
  });
});

describe("path safety", () => {
  it.each([
    ["an encoded slash to ..", "a%2F..%2F..%2Fx"],
    ["an absolute path", "%2Fetc%2Fpasswd"],
    ["a NUL byte", "a%00b.txt"],
    ["a backslash", "a%5C..%5Cb"],
    ["a drive letter", "C:%5Cwindows"],
  ])("refuses %s with 400 INVALID_PARAMETER_VALUE", async (_what, path) => {
    for (const response of [await files.get(path), await files.put(path, "x"), await files.del(path)]) {
      expect(response.status).toBe(400);
      expect((await response.json()).error_code).toBe("INVALID_PARAMETER_VALUE");
    }
  });

  it.each([["%2E%2E/%2E%2E/etc/passwd"], ["1/%2E%2E/%2E%2E/%2E%2E/x"], ["1/../../../x"]])(
    "never serves %s (dot segments are resolved in the URL before routing, inside the API)",
    async (path) => {
      for (const response of [await files.get(path), await files.put(path, "x"), await files.del(path)]) {
        expect([400, 404, 405]).toContain(response.status);
      }
    },
  );

  it("refuses escapes in listings, artifacts/list and model URIs", async () => {
    expect((await files.list("../..")).status).toBe(400);
    expect((await files.list("/etc")).status).toBe(400);
    expectMlflowError(await api.get("artifacts/list", { run_id: runId, path: "../../.." }), 400, "INVALID_PARAMETER_VALUE");
  });
});

describe("download headers", () => {
  it.each([
    ["page.html", "<script>alert(1)</script>", "text/plain; charset=utf-8"],
    ["code.js", "alert(1)", "text/plain; charset=utf-8"],
    ["plot.svg", '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "image/svg+xml"],
    ["data.csv", "a,b\n1,2\n", "text/csv; charset=utf-8"],
    ["model.pkl", "binary", "application/octet-stream"],
  ])("serves %s as %s, sandboxed and nosniff", async (name, body, type) => {
    await files.put(`${root}/${name}`, body);
    const res = await files.get(`${root}/${name}`);
    expect(res.headers.get("content-type")).toBe(type);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toMatch(/^sandbox(;|$)/);
    expect(await res.text()).toBe(body);
  });
});

describe("per workspace", () => {
  it("serves /w/<id>/api/2.0/mlflow-artifacts from the workspace's own root", async () => {
    const workspaceId = await createTestWorkspace();
    const wsApi = mlflowApi(workspaceId);
    const wsFiles = artifactsApi(workspaceId);
    const info = (await wsApi.post("runs/create", {})).json.run.info;
    const wsRoot = `0/${info.run_id}/artifacts`;
    expect(info.artifact_uri).toBe(`mlflow-artifacts:/${wsRoot}`);
    expect((await wsFiles.put(`${wsRoot}/notes.txt`, "bonjour")).status).toBe(200);
    expect(await (await wsFiles.get(`${wsRoot}/notes.txt`)).text()).toBe("bonjour");
    expect((await wsApi.get("artifacts/list", { run_id: info.run_id })).json.files).toEqual([{ path: "notes.txt", is_dir: false, file_size: 7 }]);
    // The default workspace has no such file, even at the same path.
    expect((await files.get(`${wsRoot}/notes.txt`)).status).toBe(404);
    expect((await artifactsApi("noSuchWorkspace0000000").get(`${wsRoot}/notes.txt`)).status).toBe(404);
  });
});
