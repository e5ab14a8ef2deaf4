import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { RUNNING_IN_WORKER } from "./messages";
import { WEBCONTAINER_BOOT_TIMEOUT_MS, type BootState } from "./runtime-selection";
import { createRuntimeStore, PREFERENCE_KEY, type RuntimeEnvironment } from "./runtime-store";
import type { Runner } from "./types";
import type { WebContainerInstance } from "./webcontainer-runner";
import "./webcontainer-runner"; // loaded ahead: the store imports it on first need

/** A page whose WebContainer boots when the test says so (or never). */
function fakePage({ supported = true, saved = null as string | null } = {}) {
  const storage = new Map<string, string>();
  if (saved !== null) storage.set(PREFERENCE_KEY, saved);
  const boot = { calls: 0, resolve: (): void => {}, reject: (_error: Error): void => {} };
  const serverListeners: ((port: number, url: string) => void)[] = [];
  const instance = {
    on: (event: string, listener: (port: number, url: string) => void) => {
      if (event === "server-ready") serverListeners.push(listener);
      return () => {};
    },
  } as unknown as WebContainerInstance;
  const workerRunner: Runner = { kind: "worker", run: async () => ({ status: "succeeded" }) };
  const environment = {
    loadWebContainerApi: async () => ({
      boot: () => {
        boot.calls++;
        return new Promise<WebContainerInstance>((resolve, reject) => {
          boot.resolve = () => resolve(instance);
          boot.reject = reject;
        });
      },
    }),
    loadRuntimePackages: async () => ({}),
    createWorkerRunner: vi.fn(async () => workerRunner),
    prepareWorker: vi.fn(),
    detectSupport: () => (supported ? { supported: true as const } : { supported: false as const, reason: "not-isolated" as const }),
    storage: () => ({ getItem: (key: string) => storage.get(key) ?? null, setItem: (key: string, value: string) => void storage.set(key, value) }),
  } satisfies RuntimeEnvironment;
  const store = createRuntimeStore(environment);
  const states: BootState[] = [];
  store.subscribe(() => states.push(store.getBootState()));
  return { store, environment, storage, boot, states, workerRunner, serverReady: (port: number, url: string) => serverListeners.forEach((listener) => listener(port, url)) };
}

/** Lets pending promises (and timers due now) run. */
const settle = () => vi.advanceTimersByTimeAsync(0);

const noop = () => {};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
});

afterEach(() => {
  vi.useRealTimers();
});

describe("the runtime store's WebContainer", () => {
  it("is not started until asked, then boots once however many lessons ask, and says so to its listeners", async () => {
    const page = fakePage();
    expect(page.store.getBootState()).toBe("not-started");

    const first = page.store.startWebContainer(noop);
    const second = page.store.startWebContainer(noop);
    await settle();
    expect(page.store.getBootState()).toBe("booting");
    expect(page.boot.calls).toBe(1);

    page.boot.resolve();
    await Promise.all([first, second]);
    expect(page.store.getBootState()).toBe("ready");
    expect(page.states).toEqual(["booting", "ready"]);

    await page.store.startWebContainer(noop);
    expect(page.boot.calls).toBe(1);
  });

  it("is failed when its boot fails", async () => {
    const page = fakePage();
    const started = page.store.startWebContainer(noop);
    await settle();
    page.boot.reject(new Error("no network"));
    await started;
    expect(page.states).toEqual(["booting", "failed"]);
  });

  it("times out when its boot never settles, at the boot timeout and not before", async () => {
    const page = fakePage();
    let settled = false;
    void page.store.startWebContainer(noop).then(() => (settled = true));
    await settle();
    await vi.advanceTimersByTimeAsync(WEBCONTAINER_BOOT_TIMEOUT_MS - 1);
    expect(page.store.getBootState()).toBe("booting");
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(page.store.getBootState()).toBe("timed-out");
    expect(settled).toBe(true);
  });

  it("tells only the lesson that started it about the servers learner code starts", async () => {
    const page = fakePage();
    const firstLesson = vi.fn();
    const secondLesson = vi.fn();
    const started = page.store.startWebContainer(firstLesson);
    void page.store.startWebContainer(secondLesson);
    await settle();
    page.boot.resolve();
    await started;
    page.serverReady(3000, "https://preview.example/3000");
    expect(firstLesson).toHaveBeenCalledWith(3000, "https://preview.example/3000");
    expect(secondLesson).not.toHaveBeenCalled();
  });

  it("stops calling a listener once it unsubscribes", async () => {
    const page = fakePage();
    const listener = vi.fn();
    const unsubscribe = page.store.subscribe(listener);
    const started = page.store.startWebContainer(noop);
    await settle();
    expect(listener).toHaveBeenCalledTimes(1);
    unsubscribe();
    page.boot.resolve();
    await started;
    expect(listener).toHaveBeenCalledTimes(1);
    expect(page.store.getBootState()).toBe("ready");
  });
});

describe("the runtime store's preference", () => {
  it("is automatic unless a valid choice was saved", () => {
    expect(fakePage().store.getPreference()).toBe("auto");
    expect(fakePage({ saved: "nonsense" }).store.getPreference()).toBe("auto");
    expect(fakePage({ saved: "worker" }).store.getPreference()).toBe("worker");
    expect(fakePage({ saved: "webcontainer" }).store.getPreference()).toBe("webcontainer");
  });

  it("is saved when the learner chooses, and listeners hear it", () => {
    const page = fakePage();
    const listener = vi.fn();
    page.store.subscribe(listener);
    page.store.setPreference("webcontainer");
    expect(page.store.getPreference()).toBe("webcontainer");
    expect(page.storage.get(PREFERENCE_KEY)).toBe("webcontainer");
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it("is read again when asked, and listeners hear only a change", () => {
    const page = fakePage({ saved: "worker" });
    expect(page.store.getPreference()).toBe("worker");
    const listener = vi.fn();
    page.store.subscribe(listener);
    page.store.reloadPreference();
    expect(listener).not.toHaveBeenCalled();
    page.storage.set(PREFERENCE_KEY, "webcontainer");
    page.store.reloadPreference();
    expect(page.store.getPreference()).toBe("webcontainer");
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it("is automatic where nothing can be saved (the server)", () => {
    const store = createRuntimeStore({ ...fakePage().environment, storage: () => undefined });
    expect(store.getPreference()).toBe("auto");
    store.setPreference("worker");
    expect(store.getPreference()).toBe("worker");
  });
});

describe("preparing the runtimes when a lesson shows", () => {
  it("loads the worker and boots the WebContainer in the background in automatic mode", async () => {
    const page = fakePage();
    page.store.prepareRuntimes("auto", noop);
    await settle();
    expect(page.environment.prepareWorker).toHaveBeenCalledTimes(1);
    expect(page.store.getBootState()).toBe("booting");
  });

  it("does not load the worker when the learner chose the WebContainer", async () => {
    const page = fakePage();
    page.store.prepareRuntimes("webcontainer", noop);
    await settle();
    expect(page.environment.prepareWorker).not.toHaveBeenCalled();
    expect(page.store.getBootState()).toBe("booting");
  });

  it("does not boot a WebContainer the learner ruled out or the page cannot boot", async () => {
    const chosen = fakePage();
    chosen.store.prepareRuntimes("worker", noop);
    const unsupported = fakePage({ supported: false });
    unsupported.store.prepareRuntimes("auto", noop);
    await settle();
    expect(chosen.environment.prepareWorker).toHaveBeenCalledTimes(1);
    expect(unsupported.environment.prepareWorker).toHaveBeenCalledTimes(1);
    expect([chosen.boot.calls, unsupported.boot.calls]).toEqual([0, 0]);
    expect([chosen.store.getBootState(), unsupported.store.getBootState()]).toEqual(["not-started", "not-started"]);
  });
});

describe("choosing the runner of a run", () => {
  const options = (signal = new AbortController().signal) => ({ signal, onServerReady: noop, onWaitForBoot: vi.fn() });

  it("never waits in automatic mode: the worker runs while the WebContainer boots, the WebContainer once it is ready", async () => {
    const page = fakePage();
    void page.store.startWebContainer(noop);
    await settle();
    const whileBooting = options();
    const first = await page.store.chooseRunner("auto", whileBooting);
    expect(first).toEqual({ runner: page.workerRunner, kind: "worker", reason: "WebContainer en cours de démarrage : cette exécution passe par le bac à sable du navigateur." });
    expect(whileBooting.onWaitForBoot).not.toHaveBeenCalled();
    expect(page.store.workerRunNeedsExplaining("auto")).toBe(false);

    page.boot.resolve();
    await settle();
    const second = await page.store.chooseRunner("auto", options());
    expect(second.kind).toBe("webcontainer");
    expect(second.runner.kind).toBe("webcontainer");
    expect(second.reason).toBe("WebContainer disponible : votre code tourne dans Node.js.");
  });

  it("waits for the boot when the learner chose the WebContainer, and says so", async () => {
    const page = fakePage();
    const choice = options();
    const chosen = page.store.chooseRunner("webcontainer", choice);
    await settle();
    expect(choice.onWaitForBoot).toHaveBeenCalledTimes(1);
    expect(page.store.getBootState()).toBe("booting");
    page.boot.resolve();
    expect(await chosen).toMatchObject({ kind: "webcontainer", reason: "Vous avez choisi le WebContainer." });
  });

  it("falls back to the worker at the boot timeout when the chosen WebContainer never boots", async () => {
    const page = fakePage();
    const chosen = page.store.chooseRunner("webcontainer", options());
    await settle();
    await vi.advanceTimersByTimeAsync(WEBCONTAINER_BOOT_TIMEOUT_MS);
    expect(await chosen).toEqual({ runner: page.workerRunner, kind: "worker", reason: "WebContainer indisponible hors ligne : exécution dans le bac à sable du navigateur." });
    expect(page.store.workerRunNeedsExplaining("webcontainer")).toBe(true);
    expect(page.store.workerRunNeedsExplaining("auto")).toBe(true);
  });

  it("stops waiting when the run is stopped, and runs in the worker", async () => {
    const page = fakePage();
    const abort = new AbortController();
    const chosen = page.store.chooseRunner("webcontainer", options(abort.signal));
    await settle();
    abort.abort();
    expect(await chosen).toEqual({ runner: page.workerRunner, kind: "worker", reason: RUNNING_IN_WORKER });
    expect(page.store.getBootState()).toBe("booting");
  });

  it("uses the worker without booting anything when the learner chose it or the page cannot boot a WebContainer", async () => {
    const chosen = fakePage();
    expect(await chosen.store.chooseRunner("worker", options())).toMatchObject({ kind: "worker", reason: "Vous avez choisi le bac à sable du navigateur." });
    expect(chosen.store.workerRunNeedsExplaining("worker")).toBe(false);
    const unsupported = fakePage({ supported: false });
    expect(await unsupported.store.chooseRunner("webcontainer", options())).toMatchObject({ kind: "worker" });
    expect(unsupported.store.workerRunNeedsExplaining("auto")).toBe(false);
    expect([chosen.boot.calls, unsupported.boot.calls]).toEqual([0, 0]);
  });
});
