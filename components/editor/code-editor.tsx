"use client";

import { useEffect, useState } from "react";
import { EDITOR_THEMES } from "./editor-themes";
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
        path={path}
        value={value}
        language={language}
        theme={dark ? EDITOR_THEMES.dark : EDITOR_THEMES.light}
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
          // A dimmed last line number is 1.8:1 on the dark theme.
          renderFinalNewline: "on",
        }}
      />
    </div>
  );
}
