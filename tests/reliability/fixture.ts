/**
 * What the fuzzer's requests point at: a fresh workspace (made the way a visitor gets one, through
 * the session route) with an experiment, a run with a metric, a param and a tag, a registered model
 * with a version and an alias, and an artifact file in a folder. All through the HTTP API.
 */
import { WORKSPACE_COOKIE } from "@/lib/server/session/cookie";
import type { FuzzFixture } from "./fuzz";
import type { RawClient } from "./http";

export async function createFixture(client: RawClient): Promise<FuzzFixture> {
  const session = await client.send("GET", "/api/cuvee/session?next=/cours");
  const setCookie = [session.headers["set-cookie"] ?? []].flat().join(";");
  const workspaceId = new RegExp(`${WORKSPACE_COOKIE}=([^;]+)`).exec(setCookie)?.[1];
  if (session.status !== 303 || !workspaceId) throw new Error(`no workspace from the session route (HTTP ${session.status})`);
  const api = (endpoint: string) => `/w/${workspaceId}/api/2.0/mlflow/${endpoint}`;

  const { experiment_id: experimentId } = await client.json("POST", api("experiments/create"), { name: "fuzz-fixture" });
  const { run } = await client.json("POST", api("runs/create"), { experiment_id: experimentId, run_name: "fuzz-run", start_time: 1_700_000_000_000 });
  const runId: string = run.info.run_id;
  await client.json("POST", api("runs/log-batch"), {
    run_id: runId,
    metrics: [{ key: "loss", value: 0.5, timestamp: 1_700_000_000_000, step: 0 }],
    params: [{ key: "alpha", value: "0.5" }],
    tags: [{ key: "team", value: "fuzz" }],
  });
  const modelName = "fuzz-model";
  await client.json("POST", api("registered-models/create"), { name: modelName });
  const { model_version: version } = await client.json("POST", api("model-versions/create"), { name: modelName, source: `runs:/${runId}/model`, run_id: runId });
  const alias = "champion";
  await client.json("POST", api("registered-models/alias"), { name: modelName, alias, version: version.version });
  const artifactDir = "fuzz/dir";
  const artifactFile = `${artifactDir}/file.txt`;
  const put = await client.send("PUT", `/w/${workspaceId}/api/2.0/mlflow-artifacts/artifacts/${artifactFile}`, {}, new TextEncoder().encode("fixture\n"));
  if (put.status !== 200) throw new Error(`artifact upload: HTTP ${put.status}`);
  return { workspaceId, experimentId, runId, modelName, modelVersion: String(version.version), alias, artifactDir, artifactFile };
}
