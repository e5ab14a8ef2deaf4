import { spawn } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { BootOptions, FileSystemTree, SpawnOptions } from "@webcontainer/api";
import { afterAll, describe, expect, it, vi } from "vitest";
import { runtimePackages } from "./node/runtime-packages";
import { endingRunsLeftOpen } from "./open-runs";
import type { RunnerEvent } from "./types";
import { toFileSystemTree, WebContainerBootError, WebContainerRunner, type WebContainerApi, type WebContainerInstance } from "./webcontainer-runner";

/**
 * THIS IS A FAKE of `@webcontainer/api`: StackBlitz's runtime cannot boot here (offline, no
 * browser). It implements the interface the runner uses (boot, mount with a mount point,
 * spawn with cwd/env and a terminal output stream, kill, exit, fs.rm, server-ready) on top of a
 * real temporary folder and a real `node` child process, so the runner's orchestration (what
 * it mounts, the command, the environment, the event decoding, the time limit, Stop, one boot
 * per page, the boot timeout) is exercised with real Node and the real SDK/kit packages.
 *
 * What it cannot prove: that StackBlitz's Node (its version, its terminal's line endings and
 * escape codes, its networking to the app through CORS) runs the bundle the same way; that
 * `boot()` succeeds under our COOP/COEP headers in a real browser; the preview URLs.
 */
class FakeWebContainer implements WebContainerInstance {
  readonly spawned: { command: string; args: string[]; options?: SpawnOptions }[] = [];
  readonly removed: string[] = [];
  private readonly serverReady: ((port: number, url: string) => void)[] = [];

  constructor(readonly root: string) {}

  readonly fs = {
    rm: async (target: string, options?: { recursive?: boolean; force?: boolean }) => {
      this.removed.push(target);
      await rm(path.join(this.root, target), { recursive: options?.recursive, force: options?.force });
    },
  };

  async mount(tree: FileSystemTree | Uint8Array | ArrayBuffer, options?: { mountPoint?: string }): Promise<void> {
    if (tree instanceof Uint8Array || tree instanceof ArrayBuffer) throw new Error("the fake mounts trees only");
    const write = async (folder: string, node: FileSystemTree) => {
      await mkdir(folder, { recursive: true });
      for (const [name, entry] of Object.entries(node)) {
        if ("directory" in entry) await write(path.join(folder, name), entry.directory);
        else if ("file" in entry && "contents" in entry.file) await writeFile(path.join(folder, name), entry.file.contents);
      }
    };
    await write(path.join(this.root, options?.mountPoint ?? ""), tree);
  }

  // The overloads of the real `spawn` collapse to this shape in the runner's use.
  spawn = (async (command: string, args: string[], options?: SpawnOptions) => {
    this.spawned.push({ command, args, options });
    const env = Object.fromEntries(Object.entries(options?.env ?? {}).map(([key, value]) => [key, String(value)]));
    const child = spawn(command === "node" ? process.execPath : command, args, {
      cwd: path.join(this.root, options?.cwd ?? ""),
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const exit = new Promise<number>((resolve) => child.on("close", (code) => resolve(code ?? 137)));
    const output = new ReadableStream<string>({
      start(controller) {
        // A terminal: stdout and stderr together, with CRLF line endings.
        const push = (chunk: Buffer) => controller.enqueue(chunk.toString("utf8").replace(/\n/g, "\r\n"));
        child.stdout.on("data", push);
        child.stderr.on("data", push);
        child.on("close", () => controller.close());
      },
    });
    return { exit, output, input: new WritableStream<string>(), kill: () => child.kill("SIGKILL"), resize: () => undefined };
  }) as unknown as WebContainerInstance["spawn"];

  on = ((event: string, listener: (port: number, url: string) => void) => {
    if (event === "server-ready") this.serverReady.push(listener);
    return () => undefined;
  }) as WebContainerInstance["on"];
}

const roots: string[] = [];
afterAll(async () => {
  for (const root of roots) await rm(root, { recursive: true, force: true });
});

async function fakeApi(): Promise<{ api: WebContainerApi; boots: BootOptions[]; container: FakeWebContainer }> {
  const root = await mkdtemp(path.join(tmpdir(), "cuvee-fake-wc-"));
  roots.push(root);
  const container = new FakeWebContainer(root);
  const boots: BootOptions[] = [];
  return { api: { boot: async (options) => (boots.push(options), container) }, boots, container };
}

const request = (code: string, timeoutMs = 20_000) => ({ files: { "main.ts": code, "data.csv": "a\n1\n" }, entry: "main.ts", trackingUri: "http://127.0.0.1:9", timeoutMs });

describe("toFileSystemTree", () => {
  it("nests paths into directories", () => {
    expect(toFileSystemTree({ "a.ts": "x", "node_modules/m/index.js": "y" })).toEqual({
      "a.ts": { file: { contents: "x" } },
      node_modules: { directory: { m: { directory: { "index.js": { file: { contents: "y" } } } } } },
    });
  });
});

// Each test starts real Node child processes: seconds each on a loaded 2-CPU machine.
describe("WebContainerRunner (against a fake WebContainer, see above)", { timeout: 60_000 }, () => {
  it("boots once, mounts the project in a fresh folder per run, runs node on the bootstrap and streams events", async () => {
    const { api, boots, container } = await fakeApi();
    const runner = new WebContainerRunner({ loadApi: async () => api, loadPackages: runtimePackages });
    const events: RunnerEvent[] = [];
    const code = 'import { readFile } from "node:fs/promises";\nconsole.log("csv", (await readFile("data.csv", "utf8")).trim().split("\\n").length);\n';
    const first = await runner.run(request(code), { signal: new AbortController().signal, onEvent: (event) => events.push(event) });
    expect(first).toEqual({ status: "succeeded" });
    expect(events).toEqual([{ type: "console", level: "log", text: "csv 2" }]);

    const second = await runner.run(request('const x: number = 1;\nthrow new Error("boum " + x);\n'), { signal: new AbortController().signal, onEvent: (event) => events.push(event) });
    expect(second).toEqual({ status: "failed" });
    expect(events.at(-1)).toEqual({ type: "error", error: { name: "Error", message: "boum 1", location: { file: "main.ts", line: 2, column: 7 } } });

    expect(boots).toEqual([{ coep: "require-corp", workdirName: "cuvee" }]);
    expect(container.spawned.map((call) => [call.command, call.args, call.options?.cwd, call.options?.env])).toEqual([
      ["node", ["node_modules/cuvee/dist/run.js"], "runs/1", { MLFLOW_TRACKING_URI: "http://127.0.0.1:9" }],
      ["node", ["node_modules/cuvee/dist/run.js"], "runs/2", { MLFLOW_TRACKING_URI: "http://127.0.0.1:9" }],
    ]);
    expect(container.removed).toEqual(["runs/1"]);
  });

  it("kills the process at the time limit, and on Stop", async () => {
    const { api } = await fakeApi();
    const runner = new WebContainerRunner({ loadApi: async () => api, loadPackages: runtimePackages });
    const timedOut = await runner.run(request('console.log("je boucle");\nwhile (true) {}\n', 1_500), { signal: new AbortController().signal, onEvent: () => undefined });
    expect(timedOut).toEqual({ status: "timed-out", timeoutMs: 1_500 });

    const controller = new AbortController();
    const stopped = await runner.run(request('console.log("go");\nwhile (true) {}\n'), {
      signal: controller.signal,
      onEvent: (event) => event.type === "console" && controller.abort(),
    });
    expect(stopped).toEqual({ status: "stopped" });
  });

  it("gives up on a boot that never settles, within the boot timeout, and does not boot again", async () => {
    let boots = 0;
    const never: WebContainerApi = { boot: () => (boots++, new Promise<never>(() => undefined)) };
    const runner = new WebContainerRunner({ loadApi: async () => never, loadPackages: runtimePackages, bootTimeoutMs: 300 });
    // Fake timers: the boot gives up exactly at its timeout, whatever the machine's speed.
    vi.useFakeTimers();
    let failure: unknown;
    try {
      const settled = runner.run(request("1"), { signal: new AbortController().signal, onEvent: () => undefined }).catch((error: unknown) => (failure = error));
      await vi.advanceTimersByTimeAsync(299);
      expect(failure).toBeUndefined();
      await vi.advanceTimersByTimeAsync(1);
      await settled;
    } finally {
      vi.useRealTimers();
    }
    expect(failure).toBeInstanceOf(WebContainerBootError);
    expect((failure as WebContainerBootError).reason).toBe("timeout");
    await expect(runner.boot()).rejects.toBeInstanceOf(WebContainerBootError);
    expect(boots).toBe(1);
  });

  it("reports a boot that fails outright as such", async () => {
    const refusing: WebContainerApi = { boot: () => Promise.reject(new Error("SharedArrayBuffer is not defined")) };
    const runner = new WebContainerRunner({ loadApi: async () => refusing, loadPackages: runtimePackages });
    await expect(runner.boot()).rejects.toMatchObject({ reason: "failed", message: expect.stringContaining("SharedArrayBuffer") });
  });
});

/**
 * A tracking server as small as these tests need (runs/create, runs/get, runs/update), so that
 * the real SDK in the fake WebContainer's Node creates and ends real requests' runs.
 */
async function tinyTrackingServer() {
  const statuses = new Map<string, string>();
  const updates: { run_id: string; status: string }[] = [];
  let next = 0;
  const info = (runId: string) => ({ run_id: runId, run_uuid: runId, experiment_id: "0", status: statuses.get(runId), lifecycle_stage: "active", start_time: 1 });
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://localhost");
      let answer: unknown = {};
      if (url.pathname.endsWith("/runs/create")) {
        const runId = (++next).toString(16).padStart(32, "0");
        statuses.set(runId, "RUNNING");
        answer = { run: { info: info(runId) } };
      } else if (url.pathname.endsWith("/runs/get")) {
        answer = { run: { info: info(url.searchParams.get("run_id") ?? "") } };
      } else if (url.pathname.endsWith("/runs/update")) {
        const update = JSON.parse(body) as { run_id: string; status: string };
        updates.push({ run_id: update.run_id, status: update.status });
        statuses.set(update.run_id, update.status);
        answer = { run_info: info(update.run_id) };
      }
      res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { uri: `http://127.0.0.1:${port}`, statuses, updates, close: () => new Promise((resolve) => server.close(resolve)) };
}

describe("a WebContainer run's open runs (fake WebContainer, real SDK, open-runs.ts around the runner as the page uses it)", { timeout: 60_000 }, () => {
  const script = (after: string) => `import * as mlflow from "mlflow";\nawait mlflow.startRun();\nconsole.log("run ouvert");\n${after}\n`;

  it("ends KILLED the run a stopped or timed-out process left open; the runtime itself ends FAILED the run of a script that throws", async () => {
    const server = await tinyTrackingServer();
    try {
      const { api } = await fakeApi();
      const runner = endingRunsLeftOpen(new WebContainerRunner({ loadApi: async () => api, loadPackages: runtimePackages }));
      const on = (code: string, timeoutMs = 20_000) => ({ ...request(code, timeoutMs), trackingUri: server.uri });

      const controller = new AbortController();
      const stopped = await runner.run(on(script("while (true) {}")), {
        signal: controller.signal,
        onEvent: (event) => event.type === "console" && controller.abort(),
      });
      expect(stopped).toEqual({ status: "stopped" });

      const timedOut = await runner.run(on(script("while (true) {}"), 3_000), { signal: new AbortController().signal, onEvent: () => undefined });
      expect(timedOut).toEqual({ status: "timed-out", timeoutMs: 3_000 });

      const events: RunnerEvent[] = [];
      const failed = await runner.run(on(script('throw new Error("raté");')), { signal: new AbortController().signal, onEvent: (event) => events.push(event) });
      expect(failed).toEqual({ status: "failed" });

      const [first, second, third] = [...server.statuses.keys()];
      expect(Object.fromEntries(server.statuses)).toEqual({ [first!]: "KILLED", [second!]: "KILLED", [third!]: "FAILED" });
      // The failed script ended its own run (and said so): its host had nothing left to end.
      expect(events.filter((event) => event.type === "run-ended")).toEqual([{ type: "run-ended", runId: third }]);
      expect(server.updates.filter((update) => update.run_id === third)).toEqual([{ run_id: third, status: "FAILED" }]);
    } finally {
      await server.close();
    }
  });
});
