"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { CodeEditor } from "@/components/editor/code-editor";
import { LivePanel } from "@/components/tracking/live-panel";
import { BLOC_DATA_FILES } from "@/lib/runner/bloc-data";
import { ConsolePanel } from "./console-panel";
import { RuntimeIndicator } from "./runtime-indicator";
import { PrepareEarlierBlocs, type EarlierBloc } from "./prepare-earlier-blocs";
import { useCodeRunner } from "./use-code-runner";

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

interface Verdict {
  passed: boolean;
  message: string;
  details?: string[];
}

const DATA_FILES = BLOC_DATA_FILES;

/** The course data never changes while the page is open: fetched once, on the first run. */
let dataFiles: Promise<Record<string, string>> | undefined;

function loadDataFiles(): Promise<Record<string, string>> {
  dataFiles ??= fetchDataFiles();
  // A failed download is not kept: the next run tries again.
  dataFiles.catch(() => (dataFiles = undefined));
  return dataFiles;
}

async function fetchDataFiles(): Promise<Record<string, string>> {
  const entries = await Promise.all(
    DATA_FILES.map(async (name) => {
      const response = await fetch(`/data/${name}`);
      if (!response.ok) throw new Error(`Impossible de charger ${name} (HTTP ${response.status}).`);
      return [name, await response.text()] as const;
    }),
  );
  return Object.fromEntries(entries);
}

function storageKey(bloc: number, entry: string): string {
  return `cuvee:bloc:${bloc}:${entry}`;
}

/** The right-hand side of a lesson: the code, its output, the live tracking state and the check. */
export function LessonWorkbench(props: LessonWorkbenchProps) {
  const { bloc, entry, startCode, solutionCode, python, trackingUri, timeLimitSeconds, initiallyDone, earlier } = props;
  const router = useRouter();
  const runner = useCodeRunner();
  const [code, setCode] = useState(startCode);
  const [tab, setTab] = useState<"typescript" | "python">("typescript");
  /** What the learner's last run printed and which runs it created: evidence for the check. */
  const [lastExecution, setLastExecution] = useState<{ output: string; runIds: string[] } | null>(null);
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [checking, setChecking] = useState(false);
  const [done, setDone] = useState(initiallyDone);

  // The learner's code survives a reload: it is kept in this browser, per bloc.
  useEffect(() => {
    const saved = window.localStorage.getItem(storageKey(bloc, entry));
    if (saved !== null) setCode(saved);
  }, [bloc, entry]);

  const updateCode = (next: string) => {
    setCode(next);
    window.localStorage.setItem(storageKey(bloc, entry), next);
  };

  /** Runs one file with the course data beside it; resolves to the run's output, or null if data failed to load. */
  const runFile = async (file: string, source: string) => {
    let data: Record<string, string>;
    try {
      data = await loadDataFiles();
    } catch (error) {
      setVerdict({ passed: false, message: (error as Error).message });
      return null;
    }
    return runner.run({ files: { ...data, [file]: source }, entry: file, trackingUri, timeoutMs: timeLimitSeconds * 1000 });
  };

  const run = async () => {
    setVerdict(null);
    const result = await runFile(entry, code);
    if (result) setLastExecution({ output: result.output, runIds: result.runIds });
  };

  const runEarlier = async (file: string, source: string) => (await runFile(file, source))?.outcome.status === "succeeded";

  const check = async () => {
    setChecking(true);
    try {
      const response = await fetch(`/api/cuvee/blocs/${bloc}/check`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ output: lastExecution?.output ?? "", code: { [entry]: code }, runIds: lastExecution?.runIds }),
      });
      const result = (await response.json()) as Verdict | { error: string };
      if ("error" in result) setVerdict({ passed: false, message: result.error });
      else {
        setVerdict(result);
        if (result.passed) {
          setDone(true);
          router.refresh();
        }
      }
    } catch {
      setVerdict({ passed: false, message: "La vérification n'a pas pu joindre le serveur. Réessayez dans un instant." });
    } finally {
      setChecking(false);
    }
  };

  const buttonBase = "rounded-md px-3 py-1.5 text-sm font-medium transition-colors disabled:cursor-not-allowed disabled:opacity-50";

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
            <button type="button" className={`${buttonBase} text-stone-600 hover:bg-stone-100 dark:text-stone-300 dark:hover:bg-stone-800`} onClick={() => updateCode(startCode)}>
              Réinitialiser
            </button>
            <button type="button" className={`${buttonBase} text-stone-600 hover:bg-stone-100 dark:text-stone-300 dark:hover:bg-stone-800`} onClick={() => updateCode(solutionCode)}>
              Solution
            </button>
            {runner.isRunning ? (
              <button type="button" className={`${buttonBase} bg-stone-800 text-white hover:bg-stone-700`} onClick={runner.stop}>
                Arrêter
              </button>
            ) : (
              <button type="button" className={`${buttonBase} bg-wine-600 text-white hover:bg-wine-700`} onClick={run}>
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

      <LivePanel trackingUri={trackingUri} active={runner.isRunning} />

      <section aria-label="Vérification" className="rounded-lg border border-stone-200 bg-white p-3 dark:border-stone-800 dark:bg-stone-900">
        <div className="flex items-center gap-3">
          <button
            type="button"
            onClick={check}
            disabled={checking || runner.isRunning}
            className={`${buttonBase} border border-wine-600 text-wine-700 hover:bg-wine-50 dark:text-wine-200 dark:hover:bg-wine-900/40`}
          >
            {checking ? "Vérification…" : "Vérifier"}
          </button>
          {done ? (
            <span className="text-sm font-medium text-emerald-700 dark:text-emerald-300">✓ Bloc {bloc} fait</span>
          ) : (
            <span className="text-sm text-stone-500">La vérification lit votre serveur de suivi et la sortie de votre dernière exécution.</span>
          )}
        </div>
        {verdict && (
          <div
            role="status"
            className={`mt-3 rounded-md px-3 py-2 text-sm ${
              verdict.passed
                ? "bg-emerald-50 text-emerald-900 dark:bg-emerald-950/40 dark:text-emerald-100"
                : "bg-amber-50 text-amber-900 dark:bg-amber-950/40 dark:text-amber-100"
            }`}
          >
            <p>{verdict.message}</p>
            {verdict.details && verdict.details.length > 0 && (
              <ul className="mt-1 list-disc pl-5">
                {verdict.details.map((detail) => (
                  <li key={detail}>{detail}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </section>
    </div>
  );
}
