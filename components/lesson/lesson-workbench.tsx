"use client";

import { useMemo, useState } from "react";
import { CodeEditor } from "@/components/editor/code-editor";
import { LivePanel } from "@/components/tracking/live-panel";
import { experimentsWrittenBy } from "@/lib/course/bloc-experiments";
import { BUTTON_BASE } from "./button-styles";
import { ConsolePanel } from "./console-panel";
import { loadDataFiles } from "./data-files";
import { RuntimeIndicator } from "./runtime-indicator";
import { PrepareEarlierBlocs, type EarlierBloc } from "./prepare-earlier-blocs";
import { useBlocCheck } from "./use-bloc-check";
import { useCodeRunner } from "./use-code-runner";
import { useSavedCode } from "./use-saved-code";
import { VerdictPanel } from "./verdict-panel";

interface LessonWorkbenchProps {
  bloc: number;
  entry: string;
  startCode: string;
  solutionCode: string;
  python: string;
  trackingUri: string;
  timeLimitSeconds: number;
  initiallyDone: boolean;
  /** Solutions of the blocs before this one, for "start anywhere". */
  earlier: EarlierBloc[];
}

/** The right-hand side of a lesson: the code, its output, the live tracking state and the check. */
export function LessonWorkbench(props: LessonWorkbenchProps) {
  const { bloc, entry, startCode, solutionCode, python, trackingUri, timeLimitSeconds, initiallyDone, earlier } = props;
  const runner = useCodeRunner();
  const [code, updateCode] = useSavedCode(bloc, entry, startCode);
  const [tab, setTab] = useState<"typescript" | "python">("typescript");
  const checker = useBlocCheck({ bloc, initiallyDone });
  // The live panel opens the experiments this bloc writes to first.
  const blocExperiments = useMemo(() => experimentsWrittenBy(solutionCode), [solutionCode]);

  /** Runs `entry` among `files`, with the course data beside them; resolves to the run's output, or null if data failed to load. */
  const runFiles = async (entry: string, files: Record<string, string>) => {
    let data: Record<string, string>;
    try {
      data = await loadDataFiles();
    } catch (error) {
      checker.setVerdict({ passed: false, message: (error as Error).message });
      return null;
    }
    return runner.run({ files: { ...data, ...files }, entry, trackingUri, timeoutMs: timeLimitSeconds * 1000 });
  };

  const run = async () => {
    checker.setVerdict(null);
    // The execution about to start replaces the last one, even if it never gets to run.
    checker.recordExecution(null);
    const result = await runFiles(entry, { [entry]: code });
    if (result) checker.recordExecution({ outcome: result.execution, output: result.output, runIds: result.runIds });
  };

  const runEarlier = async (earlierEntry: string, files: Record<string, string>) => (await runFiles(earlierEntry, files))?.outcome.status === "succeeded";

  return (
    <div className="flex min-w-0 flex-col gap-3">
      <section aria-label="Code du bloc" className="overflow-hidden rounded-lg border border-stone-200 bg-white shadow-sm dark:border-stone-800 dark:bg-stone-900">
        <div className="flex flex-wrap items-center gap-2 border-b border-stone-200 px-2 py-1.5 dark:border-stone-800">
          <div role="tablist" aria-label="Langage" className="flex rounded-md bg-stone-100 p-0.5 text-sm dark:bg-stone-800">
            {(["typescript", "python"] as const).map((value) => (
              <button
                key={value}
                role="tab"
                type="button"
                aria-selected={tab === value}
                onClick={() => setTab(value)}
                className={`rounded px-3 py-1 ${tab === value ? "bg-white shadow-sm dark:bg-stone-700" : "text-stone-600 dark:text-stone-300"}`}
              >
                {value === "typescript" ? `TypeScript · ${entry}` : "Python (cours d'origine)"}
              </button>
            ))}
          </div>
          <div className="ml-auto flex flex-wrap items-center gap-2">
            <button type="button" className={`${BUTTON_BASE} text-stone-600 hover:bg-stone-100 dark:text-stone-300 dark:hover:bg-stone-800`} onClick={() => updateCode(startCode)}>
              Réinitialiser
            </button>
            <button type="button" className={`${BUTTON_BASE} text-stone-600 hover:bg-stone-100 dark:text-stone-300 dark:hover:bg-stone-800`} onClick={() => updateCode(solutionCode)}>
              Solution
            </button>
            {runner.isRunning ? (
              <button type="button" className={`${BUTTON_BASE} bg-stone-800 text-white hover:bg-stone-700`} onClick={runner.stop}>
                Arrêter
              </button>
            ) : (
              <button type="button" className={`${BUTTON_BASE} bg-wine-600 text-white hover:bg-wine-700`} onClick={run}>
                Exécuter
              </button>
            )}
          </div>
        </div>
        <div className="h-[420px]">
          {tab === "typescript" ? (
            <CodeEditor path={entry} value={code} language="typescript" onChange={updateCode} label={`Éditeur de code, fichier ${entry}`} />
          ) : (
            <CodeEditor path="python/main.py" value={python} language="python" readOnly label="Code Python du cours d'origine, en lecture seule" />
          )}
        </div>
        <RuntimeIndicator runtime={runner.runtime} timeLimitSeconds={timeLimitSeconds} onChoose={runner.setPreference} disabled={runner.isRunning} />
      </section>

      <PrepareEarlierBlocs earlier={earlier} run={runEarlier} disabled={runner.isRunning} />

      <ConsolePanel lines={runner.lines} running={runner.isRunning} />

      <LivePanel trackingUri={trackingUri} active={runner.isRunning} currentExperiments={blocExperiments} />

      <VerdictPanel
        bloc={bloc}
        verdict={checker.verdict}
        checking={checker.checking}
        done={checker.done}
        disabled={runner.isRunning}
        onCheck={() => checker.check({ [entry]: code })}
      />
    </div>
  );
}
