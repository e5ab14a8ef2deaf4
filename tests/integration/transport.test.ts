/** What every MLflow endpoint shares: JSON parsing, routing errors, CORS. */
import { describe, expect, it } from "vitest";
import { baseUrl, mlflowApi, uniqueName } from "./helpers";

const api = mlflowApi();

describe("request bodies", () => {
  it("answers malformed JSON with 400 and MLflow's error body", async () => {
    const res = await api.call("POST", "experiments/create", { body: "{not json" });
    expect(res.status).toBe(400);
    expect(res.json.error_code).toBe("BAD_REQUEST");
    expect(res.json.message).toMatch(/^Malformed JSON request body/);
    const array = await api.call("POST", "runs/create", { body: "[1, 2]" });
    expect(array.status).toBe(400);
    expect(array.json).toEqual({ error_code: "BAD_REQUEST", message: "The request body must be a JSON object" });
  });

  it("accepts a double-encoded JSON body and no Content-Type, as MLflow does", async () => {
    const name = uniqueName("double");
    const res = await fetch(`${api.root}/experiments/create`, { method: "POST", body: JSON.stringify(JSON.stringify({ name })) });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { experiment_id: string }).experiment_id).toMatch(/^\d+$/);
  });

  it("reads a JSON body sent as text/plain (the browser sandbox's writes, a CORS simple request)", async () => {
    const name = uniqueName("plain");
    const res = await fetch(`${api.root}/experiments/create`, {
      method: "POST",
      body: JSON.stringify({ name }),
      headers: { "Content-Type": "text/plain;charset=UTF-8" },
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { experiment_id: string }).experiment_id).toMatch(/^\d+$/);
  });

  it("treats an empty body as {} (then reports what is missing)", async () => {
    const res = await api.call("POST", "experiments/create");
    expect(res.status).toBe(400);
    expect(res.json.error_code).toBe("INVALID_PARAMETER_VALUE");
    expect(res.json.message).toContain("Missing value for required parameter 'name'");
  });

  it("accepts experiment_id as a number (old clients)", async () => {
    const res = await api.post("runs/create", { experiment_id: 0 });
    expect(res.status).toBe(200);
    expect(res.json.run.info.experiment_id).toBe("0");
  });
});

describe("compression", () => {
  it("sends small answers as they are, and compresses large ones", async () => {
    const gzip = { "Accept-Encoding": "gzip" };
    const run = (await api.post("runs/create", {})).json.run.info.run_id as string;
    const small = await fetch(`${api.root}/runs/set-tag`, { method: "POST", headers: gzip, body: JSON.stringify({ run_id: run, key: "k", value: "v" }) });
    expect(small.status).toBe(200);
    expect(small.headers.get("content-encoding")).toBeNull();
    expect(await small.json()).toEqual({});

    const tags = Array.from({ length: 100 }, (_, i) => ({ key: `tag_${i}`, value: "x".repeat(50) }));
    await api.post("runs/log-batch", { run_id: run, tags });
    const large = await fetch(`${api.root}/runs/get?run_id=${run}`, { headers: gzip });
    expect(large.headers.get("content-encoding")).toBe("gzip");
    expect(((await large.json()) as { run: { data: { tags: unknown[] } } }).run.data.tags.length).toBeGreaterThan(100);
  });
});

describe("routing", () => {
  it("answers an unknown endpoint with 404 ENDPOINT_NOT_FOUND", async () => {
    const res = await api.post("experiments/frobnicate");
    expect(res.status).toBe(404);
    expect(res.json).toEqual({
      error_code: "ENDPOINT_NOT_FOUND",
      message: "No API endpoint at POST /api/2.0/mlflow/experiments/frobnicate",
    });
  });

  it("answers a known endpoint with the wrong method with 405 and an MLflow body", async () => {
    const res = await api.get("runs/create");
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("POST, OPTIONS");
    expect(res.json.error_code).toBe("ENDPOINT_NOT_FOUND");
    const post = await api.post("experiments/get", { experiment_id: "0" });
    expect(post.status).toBe(405);
  });
});

describe("CORS", () => {
  it("answers the preflight for any origin, without credentials", async () => {
    const res = await fetch(`${api.root}/runs/log-batch`, {
      method: "OPTIONS",
      headers: {
        Origin: "https://learner.example",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type",
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-methods")).toContain("POST");
    expect(res.headers.get("access-control-allow-headers")).toBe("content-type");
    expect(res.headers.get("access-control-allow-credentials")).toBeNull();
  });

  it("tells any origin its handler time (Server-Timing, for bench/run-loop)", async () => {
    const res = await fetch(`${api.root}/experiments/get?experiment_id=0`, { headers: { Origin: "https://learner.example" } });
    expect(res.headers.get("server-timing")).toMatch(/^app;dur=\d+(\.\d)?$/);
    expect(res.headers.get("access-control-expose-headers")).toContain("Server-Timing");
    expect(res.headers.get("timing-allow-origin")).toBe("*");
  });

  it("allows any origin on answers and errors alike, un-prefixed and per workspace", async () => {
    const ok = await fetch(`${api.root}/experiments/get?experiment_id=0`, { headers: { Origin: "https://learner.example" } });
    expect(ok.headers.get("access-control-allow-origin")).toBe("*");
    const error = await fetch(`${baseUrl()}/w/unknown-workspace/api/2.0/mlflow/experiments/get?experiment_id=0`, {
      headers: { Origin: "https://learner.example" },
    });
    expect(error.status).toBe(404);
    expect(error.headers.get("access-control-allow-origin")).toBe("*");
  });
});
