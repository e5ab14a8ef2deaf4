"use client";

import { useMemo, useState } from "react";
import { CodeEditor, type EditorProject } from "@/components/editor/code-editor";
import { LivePanel } from "@/components/tracking/live-panel";
import { experimentsWrittenBy } from "@/lib/course/bloc-experiments";
import type { CodeFiles } from "@/lib/course/code-files";
import { AddFile } from "./add-file";
import { BUTTON_BASE } from "./button-styles";
import { ConsolePanel } from "./console-panel";
import { loadDataFiles } from "./data-files";
import { FileActions } from "./file-actions";
import { EDITOR_PANEL_ID, FileTabs, tabId, type EditorView } from "./file-tabs";
import { RuntimeIndicator } from "./runtime-indicator";
import { PrepareEarlierBlocs, type EarlierBloc } from "./prepare-earlier-blocs";
import { useBlocCheck } from "./use-bloc-check";
import { useCodeRunner } from "./use-code-runner";
import { useSavedEdits } from "./use-saved-code";
import { VerdictPanel } from "./verdict-panel";
import { isAddedFile, missingSolutionFiles, orderedFileNames, removeAddedFile, resetFile, withFileText, workbenchFiles } from "./workbench-files";

interface LessonWorkbenchProps {
  bloc: number;
  entry: string;
  /** The files the learner starts from (the entry among them). */
  startFiles: CodeFiles;
  /** The bloc's solution, file by file (it may add files). */
  solutionFiles: CodeFiles;
  python: string;
  trackingUri: string;
  timeLimitSeconds: number;
  initiallyDone: boolean;
  /** Solutions of the blocs before this one, for "start anywhere". */
  earlier: EarlierBloc[];
}

/** The right-hand side of a lesson: the code, its output, the live tracking state and the check. */
export function LessonWorkbench(props: LessonWorkbenchProps) {
  const { bloc, entry, startFiles, solutionFiles, python, trackingUri, timeLimitSeconds, initiallyDone, earlier } = props;
  const runner = useCodeRunner();
  const [edits, updateEdits] = useSavedEdits(bloc, entry, startFiles);
  const files = useMemo(() => workbenchFiles(startFiles, edits), [startFiles, edits]);
  const fileNames = orderedFileNames(files, entry);
  const added = new Set(fileNames.filter((path) => isAddedFile(path, startFiles)));
  const [view, setView] = useState<EditorView>({ kind: "file", path: entry });
  // A removed file's tab (or a bloc change) falls back to the entry.
  const shown = view.kind === "file" && !Object.hasOwn(files, view.path) ? entry : view.kind === "file" ? view.path : undefined;
  const [notice, setNotice] = useState("");
  const checker = useBlocCheck({ bloc, initiallyDone });
  // The live panel opens the experiments this bloc writes to first.
  const blocExperiments = useMemo(() => experimentsWrittenBy(Object.values(solutionFiles).join("\n")), [solutionFiles]);
  const missing = missingSolutionFiles(files, solutionFiles);
  const project = useMemo<EditorProject>(() => ({ files, openFile: (path) => setView({ kind: "file", path }) }), [files]);

  /** Runs a project with the course data beside it; resolves to the run's output, or null if data failed to load. */
  const runProject = async (code: CodeFiles, entryFile: string) => {
    let data: Record<string, string>;
    try {
      data = await loadDataFiles();
    } catch (error) {
      checker.setVerdict({ passed: false, message: (error as Error).message });
      return null;
    }
    return runner.run({ files: { ...data, ...code }, entry: entryFile, trackingUri, timeoutMs: timeLimitSeconds * 1000 });
  };

  const run = async () => {
    checker.setVerdict(null);
    // The execution about to start replaces the last one, even if it never gets to run.
    checker.recordExecution(null);
    const result = await runProject(files, entry);
    if (result) checker.recordExecution({ outcome: result.execution, output: result.output, runIds: result.runIds });
  };

  const runEarlier = async (code: CodeFiles, entryFile: string) => (await runProject(code, entryFile))?.outcome.status === "succeeded";

  const reset = (path: string) => {
    updateEdits(resetFile(edits, startFiles, path));
    setNotice(isAddedFile(path, startFiles) ? `${path} a été vidé (c'est un fichier que vous avez ajouté).` : `${path} est revenu à son code de départ. Les autres fichiers n'ont pas changé.`);
  };

  const showSolution = (path: string) => {
    const solution = solutionFiles[path];
    if (solution === undefined) return;
    updateEdits(withFileText(edits, startFiles, path, solution));
    const others = missing.length > 0 ? ` La solution a aussi ${missing.map((name) => `« ${name} »`).join(", ")} : créez ce fichier avec « + », puis « Solution » dans son onglet.` : "";
    setNotice(`Solution de ${path} affichée. Les autres fichiers n'ont pas changé.${others}`);
  };

  const addFile = (name: string) => {
    updateEdits(withFileText(edits, startFiles, name, ""));
    setView({ kind: "file", path: name });
    setNotice(`Fichier ${name} ajouté${Object.hasOwn(solutionFiles, name) ? " : la leçon dit quoi y écrire, ou cliquez sur « Solution »" : ""}.`);
  };

  const removeFile = (path: string) => {
    if (!window.confirm(`Supprimer le fichier ${path} ? Son contenu sera perdu.`)) return;
    updateEdits(removeAddedFile(edits, startFiles, path));
    setView({ kind: "file", path: entry });
    setNotice(`Fichier ${path} supprimé.`);
  };

  const select = (next: EditorView) => {
    setView(next);
    setNotice("");
  };

  return (
    <div className="flex min-w-0 flex-col gap-3">
      <section aria-label="Code du bloc" className="overflow-hidden rounded-lg border border-stone-200 bg-white shadow-sm dark:border-stone-800 dark:bg-stone-900">
        <div className="flex flex-wrap items-center gap-2 border-b border-stone-200 px-2 py-1.5 dark:border-stone-800">
          <div className="flex min-w-0 max-w-full items-center gap-1">
            <FileTabs files={fileNames} entry={entry} added={added} view={shown === undefined ? view : { kind: "file", path: shown }} onSelect={select} />
            <AddFile existing={fileNames} suggestion={missing[0]} onAdd={addFile} />
          </div>
          <div className="ml-auto flex flex-wrap items-center gap-2">
            {shown !== undefined && (
              <FileActions
                path={shown}
                added={added.has(shown)}
                hasSolution={Object.hasOwn(solutionFiles, shown)}
                onReset={() => reset(shown)}
                onSolution={() => showSolution(shown)}
                onRemove={() => removeFile(shown)}
              />
            )}
            {runner.isRunning ? (
              <button type="button" className={`${BUTTON_BASE} bg-stone-800 text-white hover:bg-stone-700`} onClick={runner.stop}>
                Arrêter
              </button>
            ) : (
              <button type="button" className={`${BUTTON_BASE} bg-wine-600 text-white hover:bg-wine-700`} onClick={run} title={`Exécute ${entry}, avec les autres fichiers du projet`}>
                Exécuter
              </button>
            )}
          </div>
          <p role="status" className="w-full text-xs text-stone-600 empty:hidden dark:text-stone-300">
            {notice}
          </p>
        </div>
        <div id={EDITOR_PANEL_ID} role="tabpanel" aria-labelledby={tabId(shown === undefined ? view : { kind: "file", path: shown })} className="h-[420px]">
          {shown !== undefined ? (
            <CodeEditor
              path={shown}
              value={files[shown] ?? ""}
              language="typescript"
              onChange={(text) => updateEdits(withFileText(edits, startFiles, shown, text))}
              label={`Éditeur de code, fichier ${shown}`}
              project={project}
            />
          ) : (
            <CodeEditor path="python/main.py" value={python} language="python" readOnly label="Code Python du cours d'origine, en lecture seule" project={project} />
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
        onCheck={() => checker.check(files)}
      />
    </div>
  );
}
