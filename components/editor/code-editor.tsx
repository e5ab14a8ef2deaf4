"use client";

import type * as Monaco from "monaco-editor";
import { useEffect, useRef, useState } from "react";
import type { CodeFiles } from "@/lib/course/code-files";
import { EDITOR_THEMES } from "./editor-themes";
import type { MonacoApi } from "./monaco-setup";
import { disposeProjectModels, fileUri, handleOpenFile, syncProjectModels, type OpenFileRequest } from "./project-models";

type EditorComponent = typeof import("@monaco-editor/react").default;

interface LoadedEditor {
  Editor: EditorComponent;
  monaco: MonacoApi;
  editorEditable: () => void;
}

let loadingEditor: Promise<LoadedEditor> | undefined;

/** Monaco and its React wrapper, fetched once, from the first call on. */
function loadEditor(): Promise<LoadedEditor> {
  loadingEditor ??= (async () => {
    const setup = await import("./monaco-setup");
    const [monaco, { default: Editor }] = await Promise.all([setup.loadMonaco(), import("@monaco-editor/react")]);
    return { Editor, monaco, editorEditable: setup.editorEditable };
  })();
  return loadingEditor;
}

// Preload: start fetching the editor when this module is evaluated in the browser (with the
// page's other code, before hydration), not after the component's first effect.
if (typeof window !== "undefined") void loadEditor().catch(() => undefined);

/** The learner's files the shown one is type-checked with, and how to show another of them. */
export interface EditorProject {
  files: CodeFiles;
  /** Shows `path` in the editor (go-to-definition into another file); the editor then moves the cursor. */
  openFile: (path: string) => void;
}

interface CodeEditorProps {
  /** The file's path; its model URI is `file:///<path>` (diagnostics are per file). */
  path: string;
  value: string;
  language: "typescript" | "python";
  onChange?: (value: string) => void;
  readOnly?: boolean;
  label: string;
  project?: EditorProject;
}

/**
 * Keeps a model for each of the project's files while the editor is mounted, and routes
 * go-to-definition into another file to the project's `openFile`, then to the target's position.
 */
function useProjectModels(editor: LoadedEditor | null, project: EditorProject | undefined, path: string, instance: Monaco.editor.IStandaloneCodeEditor | null) {
  const held = useRef<Set<string>>(new Set());
  const shown = useRef(path);
  shown.current = path;
  const pending = useRef<OpenFileRequest | null>(null);
  const monaco = editor?.monaco;

  useEffect(() => {
    if (!monaco || !project) return;
    held.current = syncProjectModels(monaco, project.files, path, held.current);
    handleOpenFile(monaco, project.files, (request) => {
      pending.current = request;
      project.openFile(request.path);
    });
  }, [monaco, project, path]);

  useEffect(() => {
    if (!monaco) return;
    return () => {
      handleOpenFile(monaco, {}, undefined);
      // The shown file too (the Python original has no project): the next editor starts fresh.
      disposeProjectModels(monaco, new Set([...held.current, shown.current]));
      held.current = new Set();
    };
  }, [monaco]);

  // After the editor shows the requested file (its own effects run before this one).
  useEffect(() => {
    const request = pending.current;
    if (!instance || !request || request.path !== path) return;
    pending.current = null;
    const { selection } = request;
    if (selection && "startLineNumber" in selection) {
      instance.setSelection(selection);
      instance.revealRangeInCenterIfOutsideViewport(selection);
    } else if (selection) {
      instance.setPosition(selection);
      instance.revealPositionInCenterIfOutsideViewport(selection);
    }
    instance.focus();
  }, [instance, path]);
}

/**
 * Monaco, loaded after the page is interactive. Until it is ready, the code shows as plain
 * text so that the lesson never waits on the editor.
 */
export function CodeEditor({ path, value, language, onChange, readOnly = false, label, project }: CodeEditorProps) {
  const [editor, setEditor] = useState<LoadedEditor | null>(null);
  const [instance, setInstance] = useState<Monaco.editor.IStandaloneCodeEditor | null>(null);
  const [dark, setDark] = useState(false);
  useProjectModels(editor, project, path, instance);

  useEffect(() => {
    let cancelled = false;
    void loadEditor().then((loaded) => {
      if (!cancelled) setEditor(loaded);
    });
    // The page's theme is the `dark` class on <html> (set before paint from the learner's choice
    // or the system's, flipped by the theme switch): the editor follows it, switches included.
    const root = document.documentElement;
    const follow = () => setDark(root.classList.contains("dark"));
    follow();
    const observer = new MutationObserver(follow);
    observer.observe(root, { attributes: true, attributeFilter: ["class"] });
    return () => {
      cancelled = true;
      observer.disconnect();
    };
  }, []);

  if (!editor) {
    return (
      <div className="h-full overflow-auto bg-white p-3 dark:bg-stone-900" aria-busy="true">
        <p className="mb-2 text-xs text-stone-600 dark:text-stone-400">Chargement de l'éditeur…</p>
        <pre className="font-mono text-[13px] leading-5 text-stone-700 dark:text-stone-300">{value}</pre>
      </div>
    );
  }

  const { Editor, editorEditable } = editor;
  return (
    <div className="h-full" data-testid="code-editor" data-editor-ready="true">
      <Editor
        path={fileUri(path)}
        value={value}
        language={language}
        theme={dark ? EDITOR_THEMES.dark : EDITOR_THEMES.light}
        onChange={(next) => onChange?.(next ?? "")}
        onMount={(mounted) => {
          setInstance(mounted);
          editorEditable();
        }}
        // The project's models outlive a tab switch and the editor itself (useProjectModels).
        keepCurrentModel
        options={{
          readOnly,
          minimap: { enabled: false },
          fontSize: 13,
          scrollBeyondLastLine: false,
          automaticLayout: true,
          tabSize: 2,
          ariaLabel: label,
          renderLineHighlight: "line",
          padding: { top: 8 },
          // A dimmed last line number is 1.8:1 on the dark theme.
          renderFinalNewline: "on",
        }}
      />
    </div>
  );
}
