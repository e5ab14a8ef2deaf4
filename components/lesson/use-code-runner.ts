"use client";

import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { EXECUTION_ERROR_MAX_MESSAGE, EXECUTION_ERROR_MAX_NAME, type Execution } from "@/lib/course/check-contract";
import { outcomeMessage, runtimeFailed, WAITING_FOR_WEBCONTAINER, WEBCONTAINER_STARTS_ON_FIRST_RUN } from "@/lib/runner/messages";
import { endingRunsLeftOpen } from "@/lib/runner/open-runs";
import { runtimeStore } from "@/lib/runner/runtime-store";
import { decideRuntime, type BootState, type RuntimeKind, type RuntimePreference } from "@/lib/runner/runtime-selection";
import type { ConsoleLevel, RunOutcome, RunRequest, RunnerError } from "@/lib/runner/types";
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

/** One execution, as the lesson keeps it: how it ended, what it printed, which runs it created. */
export interface ExecutionResult {
  outcome: RunOutcome;
  output: string;
  runIds: string[];
  runtime: RuntimeKind;
  /** How it ended, with its first error: the check's `execution` (lib/course/check-contract.ts). */
  execution: Execution;
}

function executionOf(outcome: RunOutcome, error: RunnerError | undefined): Execution {
  return {
    status: outcome.status,
    ...(outcome.status === "timed-out" ? { timeoutMs: outcome.timeoutMs } : {}),
    ...(error
      ? { error: { name: error.name.slice(0, EXECUTION_ERROR_MAX_NAME), message: error.message.slice(0, EXECUTION_ERROR_MAX_MESSAGE), ...(error.location ? { location: error.location } : {}) } }
      : {}),
  };
}

/** On the server and while hydrating: nothing saved is known yet, nothing has booted. */
const serverPreference = (): RuntimePreference => "auto";
const serverBootState = (): BootState => "not-started";

/**
 * The lesson's runner, for React: mirrors the page's runtime store (lib/runner/runtime-store.ts:
 * the WebContainer, its boot, the learner's preference), runs code in the runtime it picks,
 * keeps this lesson's console lines, and exposes Stop. Components never touch the Worker or
 * the WebContainer directly.
 */
export function useCodeRunner() {
  const [status, setStatus] = useState<RunnerStatus>("idle");
  const [lines, setLines] = useState<ConsoleLine[]>([]);
  const preference = useSyncExternalStore(runtimeStore.subscribe, runtimeStore.getPreference, serverPreference);
  const boot = useSyncExternalStore(runtimeStore.subscribe, runtimeStore.getBootState, serverBootState);
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
    runtimeStore.reloadPreference();
    setSupport(detectWebContainerSupport());
  }, []);

  useEffect(() => {
    runtimeStore.prepareRuntimes(preference, onServerReady);
  }, [preference, onServerReady]);

  const run = useCallback(
    async (request: RunRequest): Promise<ExecutionResult> => {
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      setLines([]);
      setStatus("running");
      const output: string[] = [];
      const runIds: string[] = [];
      let firstError: RunnerError | undefined;
      const started = performance.now();
      const chosen = await runtimeStore.chooseRunner(preference, {
        signal: abort.signal,
        onServerReady,
        onWaitForBoot: () => append({ kind: "system", tone: "info", text: WAITING_FOR_WEBCONTAINER }),
      });
      setRan({ kind: chosen.kind, reason: chosen.reason });
      if (chosen.kind === "worker" && runtimeStore.workerRunNeedsExplaining(preference)) {
        // The learner asked for (or could have had) Node: say, calmly, why this run did not use it.
        append({ kind: "system", tone: "info", text: chosen.reason });
      }
      let outcome: RunOutcome;
      try {
        // Runs the script left open when it fails or is stopped are ended (FAILED, KILLED) before
        // the outcome is known: a check asked next sees them ended, and so does the live panel.
        outcome = await endingRunsLeftOpen(chosen.runner).run(request, {
          signal: abort.signal,
          onEvent: (event) => {
            if (event.type === "console") {
              output.push(event.text);
              append({ kind: "console", level: event.level, text: event.text });
            } else if (event.type === "error") {
              firstError ??= event.error;
              append({ kind: "error", error: event.error });
            } else if (event.type === "run-created") {
              runIds.push(event.runId);
            }
          },
        });
      } catch (error) {
        const failure: RunnerError = { name: "Error", message: runtimeFailed((error as Error).message) };
        firstError ??= failure;
        append({ kind: "error", error: failure });
        outcome = { status: "failed" };
      }
      append({ kind: "system", ...outcomeMessage(outcome, performance.now() - started) });
      setStatus(outcome.status);
      if (controller.current === abort) controller.current = null;
      return { outcome, output: output.join("\n"), runIds, runtime: chosen.kind, execution: executionOf(outcome, firstError) };
    },
    [append, onServerReady, preference],
  );

  const stop = useCallback(() => controller.current?.abort(), []);

  // Before the first effect (and on the server) the page's support is unknown: say nothing yet,
  // so that the server's HTML and the first client render agree.
  const upcoming = support ? decideRuntime(preference, support, boot) : null;
  const runtime: RuntimeInfo = {
    preference,
    kind: ran?.kind ?? (upcoming?.kind === "webcontainer" ? "webcontainer" : "worker"),
    reason: ran?.reason ?? (upcoming === null ? "" : upcoming.kind === "wait-for-boot" ? WEBCONTAINER_STARTS_ON_FIRST_RUN : upcoming.reason),
    boot,
    servers,
  };

  return { status, lines, run, stop, isRunning: status === "running", runtime, setPreference: runtimeStore.setPreference };
}
