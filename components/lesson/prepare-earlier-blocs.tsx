"use client";

import { useState } from "react";
import type { CodeFiles } from "@/lib/course/code-files";

export interface EarlierBloc {
  bloc: number;
  title: string;
  entry: string;
  /** The bloc's solution, every file of it. */
  files: CodeFiles;
}

type Progress = { state: "idle" } | { state: "running"; bloc: number } | { state: "done" } | { state: "failed"; bloc: number };

/**
 * "Start anywhere": a learner who opens bloc N can have the solutions of blocs 0..N-1 run for
 * them, in their own workspace and in their own browser, so that their tracking server holds
 * what bloc N expects (experiments, runs, models…).
 */
export function PrepareEarlierBlocs({
  earlier,
  run,
  disabled,
}: {
  earlier: EarlierBloc[];
  /** Runs a bloc's files from its entry as the lesson's Run button does; resolves to whether it succeeded. */
  run: (files: CodeFiles, entry: string) => Promise<boolean>;
  disabled: boolean;
}) {
  const [progress, setProgress] = useState<Progress>({ state: "idle" });
  if (earlier.length === 0) return null;
  const last = earlier.at(-1)!.bloc;

  const prepare = async () => {
    for (const step of earlier) {
      setProgress({ state: "running", bloc: step.bloc });
      if (!(await run(step.files, step.entry))) {
        setProgress({ state: "failed", bloc: step.bloc });
        return;
      }
    }
    setProgress({ state: "done" });
  };

  return (
    <details className="rounded-lg border border-stone-200 bg-white px-3 py-2 text-sm dark:border-stone-800 dark:bg-stone-900">
      <summary className="cursor-pointer font-medium">Vous commencez ici ? Préparer l'état des blocs 0 à {last}</summary>
      <p className="mt-2 text-stone-600 dark:text-stone-300">
        Chaque bloc s'appuie sur ce que les précédents ont laissé sur votre serveur de suivi. Cuvée peut exécuter pour vous
        les solutions des blocs 0 à {last}, dans l'ordre, dans votre espace : vos expériences et vos runs seront ceux qu'un
        apprenant aurait obtenus en arrivant ici. Votre code dans l'éditeur n'est pas modifié.
      </p>
      <div className="mt-2 flex items-center gap-3">
        <button
          type="button"
          onClick={prepare}
          disabled={disabled || progress.state === "running"}
          className="rounded-md border border-stone-300 px-3 py-1.5 font-medium hover:bg-stone-100 disabled:opacity-50 dark:border-stone-700 dark:hover:bg-stone-800"
        >
          Préparer les blocs 0 à {last}
        </button>
        <span role="status" className="text-stone-600 dark:text-stone-300">
          {progress.state === "running" && `Exécution de la solution du bloc ${progress.bloc}…`}
          {progress.state === "done" && `C'est prêt : les solutions des blocs 0 à ${last} ont été exécutées.`}
          {progress.state === "failed" && `La solution du bloc ${progress.bloc} a échoué : voir la console.`}
        </span>
      </div>
    </details>
  );
}
