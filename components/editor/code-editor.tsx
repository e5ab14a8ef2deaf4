"use client";

import { useEffect, useState } from "react";
import type { MonacoApi } from "./monaco-setup";

type EditorComponent = typeof import("@monaco-editor/react").default;

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
  const [editor, setEditor] = useState<{ Editor: EditorComponent; monaco: MonacoApi } | null>(null);
  const [dark, setDark] = useState(false);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const { loadMonaco } = await import("./monaco-setup");
      const monaco = await loadMonaco();
      const { default: Editor } = await import("@monaco-editor/react");
      if (!cancelled) setEditor({ Editor, monaco });
    })();
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

  const { Editor } = editor;
  return (
    <div className="h-full" data-testid="code-editor" data-editor-ready="true">
      <Editor
        path={path}
        value={value}
        language={language}
        theme={dark ? "vs-dark" : "vs"}
        onChange={(next) => onChange?.(next ?? "")}
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
