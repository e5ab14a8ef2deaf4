/**
 * Loads Monaco from the app's own bundle (never a CDN) and teaches its TypeScript service the
 * modules learner code imports. Called once, lazily, after the lesson text is on screen: the
 * TypeScript worker is several megabytes.
 */
import type * as Monaco from "monaco-editor";
import { EDITOR_THEMES } from "./editor-themes";

export type MonacoApi = typeof Monaco;

/** Declarations of `mlflow` and `cuvee/*`, emitted from their sources at build time. */
export interface EditorTypes {
  files: Record<string, string>;
}

let loading: Promise<MonacoApi> | undefined;

function installWorkers(): void {
  (self as unknown as { MonacoEnvironment: Monaco.Environment }).MonacoEnvironment = {
    getWorker(_workerId: string, label: string) {
      if (label === "typescript" || label === "javascript") {
        return new Worker(new URL("monaco-editor/language/typescript/ts.worker.js", import.meta.url), { type: "module" });
      }
      return new Worker(new URL("monaco-editor/editor/editor.worker.js", import.meta.url), { type: "module" });
    },
  };
}

async function configureTypeScript(monaco: MonacoApi): Promise<void> {
  const ts = monaco.typescript;
  const defaults = ts.typescriptDefaults;
  defaults.setCompilerOptions({
    target: ts.ScriptTarget.ESNext,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.NodeJs,
    strict: true,
    noEmit: true,
    allowNonTsExtensions: true,
    moduleDetection: 3 /* force: every file is a module, so top-level await is allowed */,
  });
  // 1375/1378: top-level await needs module settings the in-browser service does not infer.
  defaults.setDiagnosticsOptions({ noSemanticValidation: false, noSyntaxValidation: false, diagnosticCodesToIgnore: [1375, 1378] });
  const response = await fetch("/generated/editor-types.json");
  if (!response.ok) return;
  const types = (await response.json()) as EditorTypes;
  for (const [path, content] of Object.entries(types.files)) defaults.addExtraLib(content, `file:///${path}`);
}

/**
 * Monaco's own themes with the colours that read at 4.5:1 (WCAG AA) on their background:
 * vs-dark's comments (#608b4e on #1e1e1e, 4.2:1) and line numbers are too dim.
 */
function defineThemes(monaco: MonacoApi): void {
  monaco.editor.defineTheme(EDITOR_THEMES.dark, {
    base: "vs-dark",
    inherit: true,
    rules: [{ token: "comment", foreground: "8fb573" }],
    colors: { "editorLineNumber.foreground": "#9a9a9a" },
  });
  monaco.editor.defineTheme(EDITOR_THEMES.light, {
    base: "vs",
    inherit: true,
    rules: [{ token: "comment", foreground: "2f7a2f" }],
    colors: { "editorLineNumber.foreground": "#56708a" },
  });
}

export function loadMonaco(): Promise<MonacoApi> {
  loading ??= (async () => {
    installWorkers();
    const monaco = await import("monaco-editor");
    const { loader } = await import("@monaco-editor/react");
    loader.config({ monaco });
    await configureTypeScript(monaco);
    defineThemes(monaco);
    // In development only: lets a developer (or a probe script) read the editor's diagnostics.
    if (process.env.NODE_ENV !== "production") (globalThis as { monaco?: MonacoApi }).monaco = monaco;
    return monaco;
  })();
  return loading;
}
