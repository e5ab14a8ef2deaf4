"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { RUNTIME_PACKAGES_URL } from "@/lib/runner/node-project";
import { decideRuntime, type BootState, type RuntimeKind, type RuntimePreference } from "@/lib/runner/runtime-selection";
import type { ConsoleLevel, RunOutcome, RunRequest, Runner, RunnerError } from "@/lib/runner/types";
import type { WebContainerRunner } from "@/lib/runner/webcontainer-runner";
import { detectWebContainerSupport, type WebContainerSupport } from "@/lib/runner/webcontainer-support";

export type ConsoleLine =
  | { id: number; kind: "console"; level: ConsoleLevel; text: string }
  | { id: number; kind: "error"; error: RunnerError }
  | { id: number; kind: "system"; text: string; tone: "info" | "success" | "warning" };

/** A console line before it gets its id (distributes over the union, unlike a plain Omit). */
type NewLine = ConsoleLine extends infer Line ? (Line extends ConsoleLine ? Omit<Line, "id"> : never) : never;

export type RunnerStatus = "idle" | "running" | RunOutcome["status"];

/** Which runtime ran (or will run) the code, and why, in French. */
export interface RuntimeInfo {
  preference: RuntimePreference;
  /** The runtime of the last run (or the one the next run will use, before any run). */
  kind: RuntimeKind;
  reason: string;
  boot: BootState;
  /** Servers learner code started in the WebContainer (port → URL). */
  servers: { port: number; url: string }[];
}

const PREFERENCE_KEY = "cuvee:runtime";
/** Offline, `boot()` never settles: past this, the lesson falls back to the worker. */
const BOOT_TIMEOUT_MS = 8_000;

function outcomeLine(outcome: RunOutcome, elapsedMs: number): NewLine {
  const seconds = (elapsedMs / 1000).toFixed(1).replace(".", ",");
  switch (outcome.status) {
    case "succeeded":
      return { kind: "system", tone: "success", text: `Exécution terminée en ${seconds} s.` };
    case "failed":
      return { kind: "system", tone: "warning", text: "L'exécution s'est arrêtée sur une erreur (voir ci-dessus)." };
    case "timed-out":
      return {
        kind: "system",
        tone: "warning",
        text: `Arrêt automatique : le code tournait depuis plus de ${Math.round(outcome.timeoutMs / 1000)} s (boucle infinie ?). Corrigez-le puis relancez.`,
      };
    case "stopped":
      return { kind: "system", tone: "info", text: "Exécution arrêtée à votre demande." };
  }
}

/**
 * One WebContainer per page (the API boots only once), created on first need and shared by
 * every lesson the page shows. Its boot state is broadcast to the hooks that listen.
 */
let webContainer: { runner: WebContainerRunner; state: BootState; ready: Promise<void> } | undefined;
const bootListeners = new Set<(state: BootState) => void>();

function setBootState(state: BootState) {
  if (webContainer) webContainer.state = state;
  for (const listener of bootListeners) listener(state);
}

async function startWebContainer(onServerReady: (port: number, url: string) => void): Promise<void> {
  if (webContainer) return webContainer.ready;
  const { WebContainerRunner, WebContainerBootError } = await import("@/lib/runner/webcontainer-runner");
  if (webContainer) return (webContainer as { ready: Promise<void> }).ready;
  const runner = new WebContainerRunner({
    loadApi: () => import("@webcontainer/api").then((module) => module.WebContainer),
    loadPackages: async () => {
      const response = await fetch(RUNTIME_PACKAGES_URL);
      if (!response.ok) throw new Error(`Paquets du SDK introuvables (HTTP ${response.status}).`);
      return (await response.json()) as Record<string, string>;
    },
    bootTimeoutMs: BOOT_TIMEOUT_MS,
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

function readPreference(): RuntimePreference {
  const saved = typeof window === "undefined" ? null : window.localStorage.getItem(PREFERENCE_KEY);
  return saved === "worker" || saved === "webcontainer" || saved === "auto" ? saved : "auto";
}

/**
 * The lesson's runner store: picks the runtime (WebContainer where one boots, the browser
 * sandbox everywhere else; the learner may choose), runs code in it (each runtime is loaded on
 * first use), keeps the console lines, and exposes Stop. Components never touch the Worker or
 * the WebContainer directly.
 */
export function useCodeRunner() {
  const [status, setStatus] = useState<RunnerStatus>("idle");
  const [lines, setLines] = useState<ConsoleLine[]>([]);
  const [preference, setPreferenceState] = useState<RuntimePreference>("auto");
  const [boot, setBoot] = useState<BootState>(webContainer?.state ?? "not-started");
  const [ran, setRan] = useState<{ kind: RuntimeKind; reason: string } | null>(null);
  const [support, setSupport] = useState<WebContainerSupport | null>(null);
  const [servers, setServers] = useState<{ port: number; url: string }[]>([]);
  const controller = useRef<AbortController | null>(null);
  const nextId = useRef(0);

  const append = useCallback((line: NewLine) => {
    const id = nextId.current++;
    setLines((previous) => [...previous, { ...line, id } as ConsoleLine]);
  }, []);

  const onServerReady = useCallback((port: number, url: string) => {
    setServers((previous) => [...previous.filter((server) => server.port !== port), { port, url }]);
  }, []);

  useEffect(() => {
    setPreferenceState(readPreference());
    setSupport(detectWebContainerSupport());
    bootListeners.add(setBoot);
    return () => {
      bootListeners.delete(setBoot);
    };
  }, []);

  // Unless the learner chose the WebContainer, the first run will likely use the browser
  // sandbox: load its worker now rather than on the click.
  useEffect(() => {
    if (preference === "webcontainer") return;
    void import("@/lib/runner/worker-runner").then((module) => module.prepareWorkerSandbox());
  }, [preference]);

  // Where a WebContainer may boot and the learner did not rule it out, boot it in the
  // background as soon as the lesson shows: runs never wait for it in automatic mode.
  useEffect(() => {
    if (preference !== "worker" && detectWebContainerSupport().supported) void startWebContainer(onServerReady);
  }, [preference, onServerReady]);

  const setPreference = useCallback((next: RuntimePreference) => {
    window.localStorage.setItem(PREFERENCE_KEY, next);
    setPreferenceState(next);
  }, []);

  const chooseRunner = useCallback(
    async (signal: AbortSignal): Promise<{ runner: Runner; kind: RuntimeKind; reason: string }> => {
      const support = detectWebContainerSupport();
      let decision = decideRuntime(preference, support, webContainer?.state ?? "not-started");
      if (decision.kind === "wait-for-boot") {
        append({ kind: "system", tone: "info", text: "Démarrage du WebContainer (Node.js dans le navigateur)…" });
        await Promise.race([startWebContainer(onServerReady), new Promise((resolve) => signal.addEventListener("abort", resolve, { once: true }))]);
        decision = decideRuntime(preference, support, webContainer?.state ?? "failed");
      }
      if (decision.kind === "webcontainer" && webContainer) return { runner: webContainer.runner, kind: "webcontainer", reason: decision.reason };
      const reason = decision.kind === "worker" ? decision.reason : "Exécution dans le bac à sable du navigateur.";
      const { WorkerRunner } = await import("@/lib/runner/worker-runner");
      return { runner: new WorkerRunner(), kind: "worker", reason };
    },
    [preference, append, onServerReady],
  );

  const run = useCallback(
    async (request: RunRequest): Promise<{ outcome: RunOutcome; output: string; runIds: string[]; runtime: RuntimeKind }> => {
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      setLines([]);
      setStatus("running");
      const output: string[] = [];
      const runIds: string[] = [];
      const started = performance.now();
      const chosen = await chooseRunner(abort.signal);
      setRan({ kind: chosen.kind, reason: chosen.reason });
      const fellBack = preference === "webcontainer" || (preference === "auto" && detectWebContainerSupport().supported && webContainer?.state !== "booting");
      if (chosen.kind === "worker" && fellBack) {
        // The learner asked for (or could have had) Node: say, calmly, why this run did not use it.
        append({ kind: "system", tone: "info", text: chosen.reason });
      }
      let outcome: RunOutcome;
      try {
        outcome = await chosen.runner.run(request, {
          signal: abort.signal,
          onEvent: (event) => {
            if (event.type === "console") {
              output.push(event.text);
              append({ kind: "console", level: event.level, text: event.text });
            } else if (event.type === "error") {
              append({ kind: "error", error: event.error });
            } else {
              runIds.push(event.runId);
            }
          },
        });
      } catch (error) {
        append({ kind: "error", error: { name: "Error", message: `L'environnement d'exécution a échoué : ${(error as Error).message}` } });
        outcome = { status: "failed" };
      }
      append(outcomeLine(outcome, performance.now() - started));
      setStatus(outcome.status);
      if (controller.current === abort) controller.current = null;
      return { outcome, output: output.join("\n"), runIds, runtime: chosen.kind };
    },
    [append, chooseRunner, preference],
  );

  const stop = useCallback(() => controller.current?.abort(), []);

  // Before the first effect (and on the server) the page's support is unknown: say nothing yet,
  // so that the server's HTML and the first client render agree.
  const upcoming = support ? decideRuntime(preference, support, boot) : null;
  const runtime: RuntimeInfo = {
    preference,
    kind: ran?.kind ?? (upcoming?.kind === "webcontainer" ? "webcontainer" : "worker"),
    reason: ran?.reason ?? (upcoming === null ? "" : upcoming.kind === "wait-for-boot" ? "Le WebContainer démarrera à la première exécution." : upcoming.reason),
    boot,
    servers,
  };

  return { status, lines, run, stop, isRunning: status === "running", runtime, setPreference };
}
