"use client";

import { PREFERENCE_LABELS, RUNTIME_LABELS, type RuntimePreference } from "@/lib/runner/runtime-selection";
import type { RuntimeInfo } from "./use-code-runner";

interface RuntimeIndicatorProps {
  runtime: RuntimeInfo;
  timeLimitSeconds: number;
  onChoose: (preference: RuntimePreference) => void;
  disabled?: boolean;
}

const PREFERENCES: RuntimePreference[] = ["auto", "webcontainer", "worker"];

/** Under the editor: which runtime runs the code and why, the time limit, and a way to choose. */
export function RuntimeIndicator({ runtime, timeLimitSeconds, onChoose, disabled }: RuntimeIndicatorProps) {
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 border-t border-stone-200 px-3 py-1.5 text-xs text-stone-600 dark:border-stone-800 dark:text-stone-400">
      {/* A minimum width: on a phone the chooser wraps below instead of squeezing this text. */}
      <p className="min-w-56 flex-1">
        <span data-testid="runtime-kind" data-runtime={runtime.kind}>
          Exécution : {RUNTIME_LABELS[runtime.kind]}
        </span>{" "}
        · limite {timeLimitSeconds} s
        <span className="block text-stone-600 dark:text-stone-400" data-testid="runtime-reason">
          {runtime.reason}
        </span>
      </p>
      {runtime.servers.length > 0 && (
        <ul aria-label="Serveurs démarrés par votre code" className="flex gap-2">
          {runtime.servers.map((server) => (
            <li key={server.port}>
              <a href={server.url} target="_blank" rel="noreferrer" className="underline">
                port {server.port}
              </a>
            </li>
          ))}
        </ul>
      )}
      <label className="flex items-center gap-1">
        Environnement
        <select
          aria-label="Choisir l'environnement d'exécution"
          value={runtime.preference}
          disabled={disabled}
          onChange={(event) => onChoose(event.target.value as RuntimePreference)}
          className="rounded border border-stone-300 bg-white px-1 py-0.5 text-xs dark:border-stone-700 dark:bg-stone-900"
        >
          {PREFERENCES.map((preference) => (
            <option key={preference} value={preference}>
              {PREFERENCE_LABELS[preference]}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
