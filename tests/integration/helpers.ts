/** Helpers for tests that talk to the server started by global-setup.ts. */
import { expect, inject } from "vitest";

export interface ApiResponse {
  status: number;
  headers: Headers;
  /** The parsed JSON body (undefined when there is none). */
  json: any;
}

export interface CallOptions {
  /** A JSON-serialisable body, or a raw string sent as is. */
  body?: unknown;
  /** Query parameters; arrays become repeated keys. */
  query?: Record<string, string | number | readonly (string | number)[]>;
  headers?: Record<string, string>;
}

export function baseUrl(): string {
  return inject("baseUrl");
}

/** A client for the MLflow API at `<base>/api/2.0/mlflow` (default workspace) or `<base>/w/<id>/api/2.0/mlflow`. */
export function mlflowApi(workspaceId?: string) {
  const root = `${baseUrl()}${workspaceId === undefined ? "" : `/w/${workspaceId}`}/api/2.0/mlflow`;
  const call = async (method: string, endpoint: string, options: CallOptions = {}): Promise<ApiResponse> => {
    const url = new URL(`${root}/${endpoint}`);
    for (const [key, value] of Object.entries(options.query ?? {})) {
      for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(key, String(item));
    }
    const body =
      options.body === undefined ? undefined : typeof options.body === "string" ? options.body : JSON.stringify(options.body);
    const response = await fetch(url, {
      method,
      body,
      headers: { ...(body === undefined ? {} : { "Content-Type": "application/json" }), ...options.headers },
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, json: text === "" ? undefined : JSON.parse(text) };
  };
  return {
    root,
    call,
    get: (endpoint: string, query?: CallOptions["query"]) => call("GET", endpoint, { query }),
    post: (endpoint: string, body?: unknown) => call("POST", endpoint, { body: body ?? {} }),
    patch: (endpoint: string, body?: unknown) => call("PATCH", endpoint, { body: body ?? {} }),
    del: (endpoint: string, body?: unknown) => call("DELETE", endpoint, { body: body ?? {} }),
  };
}

export type MlflowApi = ReturnType<typeof mlflowApi>;

/**
 * Creates workspaces the way the app does (`createWorkspace()`), directly in the server's SQLite
 * file: both processes share it.
 */
export async function createTestWorkspace(id?: string): Promise<string> {
  process.env.DATABASE_URL = inject("databaseUrl");
  const { createWorkspace, ensureWorkspace } = await import("@/lib/server/workspaces");
  return (id === undefined ? await createWorkspace() : await ensureWorkspace(id)).id;
}

/** Closes this test file's database client (call in afterAll when createTestWorkspace was used). */
export async function closeTestDb(): Promise<void> {
  const { closeDb } = await import("@/lib/server/db");
  await closeDb();
}

/** A name no other test uses, so that test files can share the default workspace. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Asserts MLflow's error answer: the status, exactly `{ error_code, message }`, the code (and message). */
export function expectMlflowError(res: ApiResponse, status: number, errorCode: string, message?: string | RegExp): void {
  expect({ status: res.status, code: res.json?.error_code }).toEqual({ status, code: errorCode });
  expect(Object.keys(res.json).sort()).toEqual(["error_code", "message"]);
  if (typeof message === "string") expect(res.json.message).toBe(message);
  else if (message) expect(res.json.message).toMatch(message);
}

/** The proxied artifact service at `<base>[/w/<id>]/api/2.0/mlflow-artifacts/artifacts`. */
export function artifactsApi(workspaceId?: string) {
  const root = `${baseUrl()}${workspaceId === undefined ? "" : `/w/${workspaceId}`}/api/2.0/mlflow-artifacts/artifacts`;
  return {
    root,
    /** `path` is appended as is (callers encode what they need to). */
    put: (path: string, body: BodyInit) => fetch(`${root}/${path}`, { method: "PUT", body }),
    get: (path: string) => fetch(`${root}/${path}`),
    del: (path: string) => fetch(`${root}/${path}`, { method: "DELETE" }),
    list: async (path?: string) => {
      const response = await fetch(path === undefined ? root : `${root}?path=${encodeURIComponent(path)}`);
      return { status: response.status, json: (await response.json()) as any };
    },
  };
}
