"use client";

import { useEffect, useState } from "react";
import type { MonacoApi } from "./monaco-setup";

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

interface CodeEditorProps {
  /** The file's path, also its model URI (diagnostics are per file). */
  path: string;
  value: string;
  language: "typescript" | "python";
  onChange?: (value: string) => void;
  readOnly?: boolean;
  label: string;
}

/**
 * Monaco, loaded after the page is interactive. Until it is ready, the code shows as plain
 * text so that the lesson never waits on the editor.
 */
export function CodeEditor({ path, value, language, onChange, readOnly = false, label }: CodeEditorProps) {
  const [editor, setEditor] = useState<LoadedEditor | null>(null);
  const [dark, setDark] = useState(false);

  useEffect(() => {
    let cancelled = false;
    void loadEditor().then((loaded) => {
      if (!cancelled) setEditor(loaded);
    });
    const media = window.matchMedia("(prefers-color-scheme: dark)");
    setDark(media.matches || document.documentElement.classList.contains("dark"));
    return () => {
      cancelled = true;
    };
  }, []);

  if (!editor) {
    return (
      <div className="h-full overflow-auto bg-white p-3 dark:bg-stone-900" aria-busy="true">
        <p className="mb-2 text-xs text-stone-500">Chargement de l'éditeur…</p>
        <pre className="font-mono text-[13px] leading-5 text-stone-700 dark:text-stone-300">{value}</pre>
      </div>
    );
  }

  const { Editor, editorEditable } = editor;
  return (
    <div className="h-full" data-testid="code-editor" data-editor-ready="true">
      <Editor
        path={path}
        value={value}
        language={language}
        theme={dark ? "vs-dark" : "vs"}
        onChange={(next) => onChange?.(next ?? "")}
        onMount={() => editorEditable()}
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
        }}
      />
    </div>
  );
}
