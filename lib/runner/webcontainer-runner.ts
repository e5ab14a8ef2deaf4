import type { BootOptions, FileSystemTree, WebContainer } from "@webcontainer/api";
import { NODE_COMMAND, nodeProjectFiles } from "./node-project";
import { NodeEventDecoder } from "./node-protocol";
import { WEBCONTAINER_BOOT_TIMEOUT_MS } from "./runtime-selection";
import type { CodeFiles, RunOptions, RunOutcome, RunRequest, Runner } from "./types";

/**
 * Runs learner code with Node inside a WebContainer: the project laid out by
 * `nodeProjectFiles` (learner files, the SDK and kit as local packages, the request; the very
 * files the Node CLI writes to disk) is mounted in a fresh folder per run and
 * `node node_modules/cuvee/dist/run.js` runs there. Its terminal output carries the same event
 * lines as a child process (node-protocol.ts). Servers the code starts are reported through
 * `onServerReady` (the serving bloc's preview).
 */

/** The part of `@webcontainer/api` this runner uses (a fake implements it in the unit tests). */
export type WebContainerInstance = Pick<WebContainer, "mount" | "spawn" | "on"> & { fs: Pick<WebContainer["fs"], "rm"> };

export interface WebContainerApi {
  boot(options: BootOptions): Promise<WebContainerInstance>;
}

export class WebContainerBootError extends Error {
  override readonly name = "WebContainerBootError";
  constructor(
    readonly reason: "timeout" | "failed",
    message: string,
  ) {
    super(message);
  }
}

export interface WebContainerRunnerOptions {
  /** Loads the API (`() => import("@webcontainer/api")` in the app). */
  loadApi: () => Promise<WebContainerApi>;
  /** Loads the SDK and kit packages (the app fetches `RUNTIME_PACKAGES_URL`). */
  loadPackages: () => Promise<CodeFiles>;
  /** How long `boot()` may take before we give up (offline it never settles). Default `WEBCONTAINER_BOOT_TIMEOUT_MS`. */
  bootTimeoutMs?: number;
  /** A server started by learner code is listening (port, URL to open). */
  onServerReady?: (port: number, url: string) => void;
}

/** Turns a flat path → text map into the nested tree `mount()` takes. */
export function toFileSystemTree(files: CodeFiles): FileSystemTree {
  const tree: FileSystemTree = {};
  for (const [path, contents] of Object.entries(files)) {
    const parts = path.split("/");
    let folder = tree;
    for (const part of parts.slice(0, -1)) {
      const node = (folder[part] ??= { directory: {} });
      if (!("directory" in node)) throw new Error(`${path}: ${part} est un fichier, pas un dossier.`);
      folder = node.directory;
    }
    folder[parts.at(-1)!] = { file: { contents } };
  }
  return tree;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new WebContainerBootError("timeout", `Le WebContainer n'a pas démarré en ${Math.round(ms / 1000)} s.`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(new WebContainerBootError("failed", `Le WebContainer n'a pas pu démarrer : ${error instanceof Error ? error.message : String(error)}`));
      },
    );
  });
}

export class WebContainerRunner implements Runner {
  readonly kind = "webcontainer" as const;
  private container: Promise<WebContainerInstance> | undefined;
  private packages: Promise<CodeFiles> | undefined;
  private runCount = 0;
  private previousFolder: string | undefined;

  constructor(private readonly options: WebContainerRunnerOptions) {}

  /**
   * Boots the WebContainer once per page (the API allows only one), raced against the boot
   * timeout. A boot that timed out is not retried on this page: the runtime's iframe may still
   * be waiting, and a second `boot()` would be refused.
   */
  boot(signal?: AbortSignal): Promise<WebContainerInstance> {
    if (!this.container) {
      const timeoutMs = this.options.bootTimeoutMs ?? WEBCONTAINER_BOOT_TIMEOUT_MS;
      const booting = this.options.loadApi().then((api) => api.boot({ coep: "require-corp", workdirName: "cuvee" }));
      this.container = withTimeout(booting, timeoutMs).then((container) => {
        container.on("server-ready", (port, url) => this.options.onServerReady?.(port, url));
        return container;
      });
    }
    if (!signal) return this.container;
    return withAbort(this.container, signal);
  }

  async run(request: RunRequest, { signal, onEvent }: RunOptions): Promise<RunOutcome> {
    if (signal.aborted) return { status: "stopped" };
    let container: WebContainerInstance;
    let project: CodeFiles;
    try {
      container = await this.boot(signal);
      this.packages ??= this.options.loadPackages();
      project = nodeProjectFiles(request.files, request.entry, request.trackingUri, await withAbort(this.packages, signal));
    } catch (error) {
      if (signal.aborted) return { status: "stopped" };
      throw error;
    }

    // A fresh folder per run: nothing a previous run wrote is visible to this one.
    const folder = `runs/${++this.runCount}`;
    if (this.previousFolder) await container.fs.rm(this.previousFolder, { recursive: true, force: true }).catch(() => undefined);
    this.previousFolder = folder;
    await container.mount(toFileSystemTree(project), { mountPoint: folder });
    if (signal.aborted) return { status: "stopped" };

    const process = await container.spawn(NODE_COMMAND.command, [...NODE_COMMAND.args], {
      cwd: folder,
      env: { MLFLOW_TRACKING_URI: request.trackingUri },
      terminal: { cols: 200, rows: 40 },
    });

    let done: boolean | undefined;
    const decoder = new NodeEventDecoder((event) => {
      if (event.type === "done") done = event.ok;
      else onEvent(event);
    });
    const reading = process.output.pipeTo(new WritableStream({ write: (chunk) => decoder.push(chunk), close: () => decoder.end() })).catch(() => undefined);

    return new Promise<RunOutcome>((resolve) => {
      let settled = false;
      const finish = (outcome: RunOutcome, kill: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal.removeEventListener("abort", onAbort);
        if (kill) process.kill();
        resolve(outcome);
      };
      const onAbort = () => finish({ status: "stopped" }, true);
      const timer = setTimeout(() => finish({ status: "timed-out", timeoutMs: request.timeoutMs }, true), request.timeoutMs);
      signal.addEventListener("abort", onAbort);
      void process.exit.then(async (code) => {
        await reading;
        if (done === undefined) {
          onEvent({ type: "error", error: { name: "Error", message: `Le processus Node s'est arrêté sans terminer (code ${code}).` } });
        }
        finish({ status: done === true && code === 0 ? "succeeded" : "failed" }, false);
      });
    });
  }
}

function withAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new DOMException("Arrêté", "AbortError"));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new DOMException("Arrêté", "AbortError"));
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
