"use client";

import { useCallback, useRef, useState } from "react";
import type { ConsoleLevel, RunOutcome, RunRequest, RunnerError } from "@/lib/runner/types";

export type ConsoleLine =
  | { id: number; kind: "console"; level: ConsoleLevel; text: string }
  | { id: number; kind: "error"; error: RunnerError }
  | { id: number; kind: "system"; text: string; tone: "info" | "success" | "warning" };

/** A console line before it gets its id (distributes over the union, unlike a plain Omit). */
type NewLine = ConsoleLine extends infer Line ? (Line extends ConsoleLine ? Omit<Line, "id"> : never) : never;

export type RunnerStatus = "idle" | "running" | RunOutcome["status"];

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
 * The lesson's runner store: runs code in the browser sandbox (loaded on first use), keeps the
 * console lines, and exposes Stop. Components never touch the Worker directly.
 */
export function useCodeRunner() {
  const [status, setStatus] = useState<RunnerStatus>("idle");
  const [lines, setLines] = useState<ConsoleLine[]>([]);
  const controller = useRef<AbortController | null>(null);
  const nextId = useRef(0);

  const append = useCallback((line: NewLine) => {
    const id = nextId.current++;
    setLines((previous) => [...previous, { ...line, id } as ConsoleLine]);
  }, []);

  const run = useCallback(
    async (request: RunRequest): Promise<{ outcome: RunOutcome; output: string }> => {
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      setLines([]);
      setStatus("running");
      const output: string[] = [];
      const started = performance.now();
      const { WorkerRunner } = await import("@/lib/runner/worker-runner");
      const outcome = await new WorkerRunner().run(request, {
        signal: abort.signal,
        onEvent: (event) => {
          if (event.type === "console") {
            output.push(event.text);
            append({ kind: "console", level: event.level, text: event.text });
          } else {
            append({ kind: "error", error: event.error });
          }
        },
      });
      append(outcomeLine(outcome, performance.now() - started));
      setStatus(outcome.status);
      if (controller.current === abort) controller.current = null;
      return { outcome, output: output.join("\n") };
    },
    [append],
  );

  const stop = useCallback(() => controller.current?.abort(), []);

  return { status, lines, run, stop, isRunning: status === "running" };
}
