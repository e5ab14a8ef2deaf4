/**
 * Shared by the tracking specs: a page whose browser holds a fresh workspace, and an MLflow REST
 * client for that workspace (tests create their state through the API, as an MLflow client would).
 */
import { expect, type APIRequestContext, type Page } from "@playwright/test";

export interface WorkspaceApi {
  workspaceId: string;
  /** POST or GET `/w/<id>/api/2.0/mlflow/<endpoint>`; fails the test on a non-2xx answer. */
  post<T = any>(endpoint: string, body: unknown): Promise<T>;
  get<T = any>(endpoint: string, query?: Record<string, string>): Promise<T>;
  /** PUT a file into a run's artifacts through the proxied artifact service. */
  putArtifact(artifactUri: string, path: string, content: string): Promise<void>;
}

/** Opens `path` (the session route gives the browser a new workspace) and returns its API. */
export async function openWithWorkspace(page: Page, path: string): Promise<WorkspaceApi> {
  await page.goto(path);
  // The tracking pages stream (loading.tsx): the redirect through the session route may land
  // after `goto` resolves, so wait for its cookie.
  let workspaceId: string | undefined;
  await expect
    .poll(async () => (workspaceId = (await page.context().cookies()).find((c) => c.name === "cuvee_ws")?.value), {
      message: "the session route sets the workspace cookie",
    })
    .toBeTruthy();
  await page.waitForURL((url) => !url.pathname.startsWith("/api/cuvee/session"));
  return workspaceApi(page.request, workspaceId!);
}

export function workspaceApi(request: APIRequestContext, workspaceId: string): WorkspaceApi {
  const root = `/w/${workspaceId}/api/2.0`;
  return {
    workspaceId,
    async post(endpoint, body) {
      const response = await request.post(`${root}/mlflow/${endpoint}`, { data: body });
      expect(response.ok(), `${endpoint}: ${await response.text()}`).toBe(true);
      return response.json();
    },
    async get(endpoint, query) {
      const response = await request.get(`${root}/mlflow/${endpoint}`, { params: query });
      expect(response.ok(), `${endpoint}: ${await response.text()}`).toBe(true);
      return response.json();
    },
    async putArtifact(artifactUri, path, content) {
      const relative = artifactUri.replace(/^mlflow-artifacts:\/*/u, "");
      const response = await request.put(`${root}/mlflow-artifacts/artifacts/${relative}/${path}`, { data: content });
      expect(response.ok(), `upload ${path}: ${await response.text()}`).toBe(true);
    },
  };
}

export interface SeedRun {
  name: string;
  params: Record<string, string>;
  /** A number, or several values logged at steps 0, 1, 2… */
  metrics: Record<string, number | number[]>;
  tags?: Record<string, string>;
}

/** Creates an experiment and finished runs in it; returns the experiment id and each run's info. */
export async function seedExperiment(api: WorkspaceApi, name: string, runs: readonly SeedRun[]) {
  const { experiment_id: experimentId } = await api.post<{ experiment_id: string }>("experiments/create", { name });
  const created: { runId: string; name: string; artifactUri: string }[] = [];
  let time = Date.now() - runs.length * 1000;
  for (const run of runs) {
    time += 1000;
    const { run: made } = await api.post("runs/create", { experiment_id: experimentId, run_name: run.name, start_time: time });
    const runId: string = made.info.run_id;
    await api.post("runs/log-batch", {
      run_id: runId,
      params: Object.entries(run.params).map(([key, value]) => ({ key, value })),
      metrics: Object.entries(run.metrics).flatMap(([key, value]) =>
        (Array.isArray(value) ? value : [value]).map((v, step) => ({ key, value: v, timestamp: time + step, step })),
      ),
      tags: Object.entries(run.tags ?? {}).map(([key, value]) => ({ key, value })),
    });
    await api.post("runs/update", { run_id: runId, status: "FINISHED", end_time: time + 500 });
    created.push({ runId, name: run.name, artifactUri: made.info.artifact_uri });
  }
  return { experimentId, runs: created };
}
