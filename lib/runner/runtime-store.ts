import { runtimePackagesMissing, RUNNING_IN_WORKER } from "./messages";
import { RUNTIME_PACKAGES_URL } from "./node-project";
import { decideRuntime, type BootState, type RuntimeKind, type RuntimePreference } from "./runtime-selection";
import type { CodeFiles, Runner } from "./types";
import type { WebContainerApi } from "./webcontainer-runner";
import { detectWebContainerSupport, type WebContainerSupport } from "./webcontainer-support";

/**
 * The page's runtime state, framework-free: the one WebContainer of the page (the API boots only
 * once; created on first need and shared by every lesson the page shows), where its boot
 * stands, and the learner's runtime preference (kept in localStorage). Listeners hear about
 * every change (`subscribe`), so a UI can mirror it (components/lesson/use-code-runner.ts does,
 * with `useSyncExternalStore`). It also picks the runner of a run (docs/decisions/006).
 */

/** What the store needs from its page; the app's are `browserRuntime`, tests give fakes. */
export interface RuntimeEnvironment {
  /** Loads `@webcontainer/api`. */
  loadWebContainerApi: () => Promise<WebContainerApi>;
  /** Loads the SDK and kit packages a WebContainer mounts. */
  loadRuntimePackages: () => Promise<CodeFiles>;
  /** A fresh browser sandbox for one run. */
  createWorkerRunner: () => Promise<Runner>;
  /** Starts the next run's worker ahead of time. */
  prepareWorker: () => void;
  detectSupport: () => WebContainerSupport;
  /** Where the preference is kept (none on the server). */
  storage: () => Pick<Storage, "getItem" | "setItem"> | undefined;
  /** Defaults to `WEBCONTAINER_BOOT_TIMEOUT_MS` (WebContainerRunner's default). */
  bootTimeoutMs?: number;
}

export const PREFERENCE_KEY = "cuvee:runtime";

export type ServerReadyListener = (port: number, url: string) => void;

export interface ChosenRunner {
  runner: Runner;
  kind: RuntimeKind;
  /** Why, in French (shown under the editor). */
  reason: string;
}

export interface ChooseRunnerOptions {
  signal: AbortSignal;
  /** Hears the servers learner code starts, if this call is the one that creates the WebContainer. */
  onServerReady: ServerReadyListener;
  /** The run is about to wait for the WebContainer's boot (the learner chose it). */
  onWaitForBoot: () => void;
}

export interface RuntimeStore {
  /** Calls `listener` after every change of the boot state or the preference; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  getBootState(): BootState;
  getPreference(): RuntimePreference;
  setPreference(next: RuntimePreference): void;
  /** Reads the saved preference again (a lesson does when it mounts). */
  reloadPreference(): void;
  /**
   * Creates the page's WebContainer and boots it, once: later calls share the first one's
   * boot (and only the first call's `onServerReady` hears servers). Settles when the boot does.
   */
  startWebContainer(onServerReady: ServerReadyListener): Promise<void>;
  /** The runner of the next run under `preference`: waits for the boot only if the learner chose the WebContainer. */
  chooseRunner(preference: RuntimePreference, options: ChooseRunnerOptions): Promise<ChosenRunner>;
  /**
   * Whether a worker run under `preference` should say why it did not use the WebContainer: the
   * learner asked for it, or could have had it (automatic mode, once the boot is no longer
   * pending).
   */
  workerRunNeedsExplaining(preference: RuntimePreference): boolean;
  /**
   * What a lesson does when it shows (and when the preference changes), so that the click does
   * not pay for it: loads the browser sandbox's worker unless the learner chose the
   * WebContainer, and boots the WebContainer in the background where one may boot and the
   * learner did not rule it out (in automatic mode runs never wait for it).
   */
  prepareRuntimes(preference: RuntimePreference, onServerReady: ServerReadyListener): void;
}

function readPreference(saved: string | null | undefined): RuntimePreference {
  return saved === "worker" || saved === "webcontainer" || saved === "auto" ? saved : "auto";
}

export function createRuntimeStore(environment: RuntimeEnvironment): RuntimeStore {
  let webContainer: { runner: Runner; state: BootState; ready: Promise<void> } | undefined;
  let loading: Promise<void> | undefined;
  let preference: RuntimePreference | undefined;
  const listeners = new Set<() => void>();

  function notify(): void {
    for (const listener of listeners) listener();
  }

  function setBootState(state: BootState): void {
    if (webContainer) webContainer.state = state;
    notify();
  }

  function getBootState(): BootState {
    return webContainer?.state ?? "not-started";
  }

  function getPreference(): RuntimePreference {
    preference ??= readPreference(environment.storage()?.getItem(PREFERENCE_KEY));
    return preference;
  }

  function setPreference(next: RuntimePreference): void {
    environment.storage()?.setItem(PREFERENCE_KEY, next);
    preference = next;
    notify();
  }

  function reloadPreference(): void {
    const saved = readPreference(environment.storage()?.getItem(PREFERENCE_KEY));
    if (saved === preference) return;
    preference = saved;
    notify();
  }

  async function load(onServerReady: ServerReadyListener): Promise<void> {
    const { WebContainerRunner, WebContainerBootError } = await import("./webcontainer-runner");
    const runner = new WebContainerRunner({
      loadApi: environment.loadWebContainerApi,
      loadPackages: environment.loadRuntimePackages,
      bootTimeoutMs: environment.bootTimeoutMs,
      onServerReady,
    });
    const entry = { runner, state: "booting" as BootState, ready: Promise.resolve() };
    webContainer = entry;
    setBootState("booting");
    entry.ready = runner.boot().then(
      () => setBootState("ready"),
      (error: unknown) => setBootState(error instanceof WebContainerBootError && error.reason === "timeout" ? "timed-out" : "failed"),
    );
    return entry.ready;
  }

  function startWebContainer(onServerReady: ServerReadyListener): Promise<void> {
    if (webContainer) return webContainer.ready;
    // A load that failed (the runner's code could not be fetched) may be tried again.
    loading ??= load(onServerReady).catch((error: unknown) => {
      if (!webContainer) loading = undefined;
      throw error;
    });
    return loading;
  }

  async function chooseRunner(preference: RuntimePreference, { signal, onServerReady, onWaitForBoot }: ChooseRunnerOptions): Promise<ChosenRunner> {
    const support = environment.detectSupport();
    let decision = decideRuntime(preference, support, getBootState());
    if (decision.kind === "wait-for-boot") {
      onWaitForBoot();
      await Promise.race([startWebContainer(onServerReady), new Promise((resolve) => signal.addEventListener("abort", resolve, { once: true }))]);
      decision = decideRuntime(preference, support, webContainer?.state ?? "failed");
    }
    if (decision.kind === "webcontainer" && webContainer) return { runner: webContainer.runner, kind: "webcontainer", reason: decision.reason };
    const reason = decision.kind === "worker" ? decision.reason : RUNNING_IN_WORKER;
    return { runner: await environment.createWorkerRunner(), kind: "worker", reason };
  }

  function prepareRuntimes(preference: RuntimePreference, onServerReady: ServerReadyListener): void {
    if (preference !== "webcontainer") environment.prepareWorker();
    if (preference !== "worker" && environment.detectSupport().supported) void startWebContainer(onServerReady);
  }

  function workerRunNeedsExplaining(preference: RuntimePreference): boolean {
    return preference === "webcontainer" || (preference === "auto" && environment.detectSupport().supported && webContainer?.state !== "booting");
  }

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    getBootState,
    getPreference,
    setPreference,
    reloadPreference,
    startWebContainer,
    chooseRunner,
    workerRunNeedsExplaining,
    prepareRuntimes,
  };
}

/** The app's page: the real WebContainer API, the published packages, the worker sandbox, localStorage. */
export const browserRuntime: RuntimeEnvironment = {
  loadWebContainerApi: () => import("@webcontainer/api").then((module) => module.WebContainer),
  loadRuntimePackages: async () => {
    const response = await fetch(RUNTIME_PACKAGES_URL);
    if (!response.ok) throw new Error(runtimePackagesMissing(response.status));
    return (await response.json()) as Record<string, string>;
  },
  createWorkerRunner: async () => {
    const { WorkerRunner } = await import("./worker-runner");
    return new WorkerRunner();
  },
  prepareWorker: () => {
    void import("./worker-runner").then((module) => module.prepareWorkerSandbox());
  },
  detectSupport: () => detectWebContainerSupport(),
  storage: () => (typeof window === "undefined" ? undefined : window.localStorage),
};

/** The page's store (module state: one per page, kept across client-side navigations). */
export const runtimeStore: RuntimeStore = createRuntimeStore(browserRuntime);
