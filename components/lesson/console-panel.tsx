"use client";

import { useEffect, useRef } from "react";
import type { ConsoleLine } from "./use-code-runner";

const LEVEL_STYLE: Record<string, string> = {
  log: "text-stone-100",
  info: "text-sky-200",
  debug: "text-stone-400",
  warn: "text-amber-300",
  error: "text-red-300",
};

const TONE_STYLE = { info: "text-stone-400", success: "text-emerald-300", warning: "text-amber-300" } as const;

/** The script's output, as a terminal would show it, plus errors located in the learner's file. */
export function ConsolePanel({ lines, running }: { lines: ConsoleLine[]; running: boolean }) {
  const log = useRef<HTMLDivElement>(null);
  // Follow the output inside the panel only: scrollIntoView would scroll the whole page too.
  useEffect(() => {
    if (log.current) log.current.scrollTop = log.current.scrollHeight;
  }, [lines.length]);

  return (
    <section aria-label="Console" className="flex min-h-0 flex-col rounded-lg bg-stone-900 text-[13px] shadow-inner">
      <div className="flex items-center justify-between border-b border-stone-700 px-3 py-1.5 text-xs text-stone-400">
        <span>Console</span>
        {running && <span className="animate-pulse text-emerald-300">exécution en cours…</span>}
      </div>
      <div ref={log} role="log" aria-live="polite" className="max-h-64 min-h-28 overflow-auto px-3 py-2 font-mono leading-5">
        {lines.length === 0 && !running && <p className="text-stone-400">Cliquez sur « Exécuter » : la sortie de votre script s'affichera ici.</p>}
        {lines.map((line) => {
          if (line.kind === "console") {
            return (
              <pre key={line.id} className={`whitespace-pre-wrap break-words ${LEVEL_STYLE[line.level] ?? ""}`}>
                {line.text}
              </pre>
            );
          }
          if (line.kind === "system") {
            return (
              <p key={line.id} className={`mt-1 font-sans text-xs ${TONE_STYLE[line.tone]}`}>
                {line.text}
              </p>
            );
          }
          const { error } = line;
          return (
            <div key={line.id} role="alert" className="my-1 rounded border border-red-400/40 bg-red-950/60 px-2 py-1.5 text-red-200">
              <p className="whitespace-pre-wrap break-words">
                <span className="font-semibold">{error.name}</span> : {error.message}
              </p>
              {/* The engine's line stays above (learners search for it); the French one says what it means. */}
              {error.explanation && (
                <p lang="fr" data-testid="error-explanation" className="mt-0.5 whitespace-pre-wrap break-words font-sans text-red-100">
                  {error.explanation}
                </p>
              )}
              {error.location && (
                <p className="mt-0.5 font-sans text-xs text-red-300">
                  dans {error.location.file}, ligne {error.location.line}
                </p>
              )}
            </div>
          );
        })}
      </div>
    </section>
  );
}
