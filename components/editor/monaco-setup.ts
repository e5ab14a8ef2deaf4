/**
 * Loads Monaco from the app's own bundle (never a CDN) and teaches its TypeScript service the
 * modules learner code imports. Started as soon as the workbench's code is evaluated
 * (code-editor.tsx), in parallel with hydration; the lesson text never waits for it.
 *
 * What the editor needs before it takes input is only the editor (monaco-slim.ts). The
 * TypeScript language service is deferred until then: its worker (6.7 MB, 1.4 MB gzipped, and
 * seconds of parsing on a small machine) is requested when a TypeScript model appears, but
 * `getWorker` hands Monaco a promise that settles only once the editor is editable and the
 * SDK's declarations have arrived, so it does not compete with the editor's start-up for the
 * CPU, and its first diagnostics already know `mlflow`.
 */
import type * as Monaco from "monaco-editor";
import { EDITOR_THEMES } from "./editor-themes";

export type MonacoApi = typeof Monaco;

/** Declarations of `mlflow` and `cuvee/*`, emitted from their sources at build time. */
export interface EditorTypes {
  files: Record<string, string>;
}

/** A marker as a test or a probe reads it (`window.__cuveeEditorMarkers()`). */
export interface EditorMarker {
  /** The file's path in the project (`main.ts`): every file of the project has its markers. */
  file: string;
  message: string;
  severity: "error" | "warning" | "info" | "hint";
  line: number;
  column: number;
  code?: string;
}

let loading: Promise<MonacoApi> | undefined;

let allowLanguageService: () => void = () => {};
const languageServiceAllowed = new Promise<void>((resolve) => {
  allowLanguageService = resolve;
});

function installWorkers(typesLoaded: Promise<void>): void {
  (self as unknown as { MonacoEnvironment: Monaco.Environment }).MonacoEnvironment = {
    getWorker(_workerId: string, label: string) {
      if (label === "typescript" || label === "javascript") {
        return Promise.all([languageServiceAllowed, typesLoaded]).then(
          () => new Worker(new URL("./typescript.worker.ts", import.meta.url), { type: "module", name: "typescript" }),
        );
      }
      return new Worker(new URL("monaco-editor/editor/editor.worker.js", import.meta.url), { type: "module" });
    },
  };
}

/** Compiler options now; the SDK's declarations when they arrive (the returned promise). */
function configureTypeScript(monaco: MonacoApi): Promise<void> {
  const ts = monaco.typescript;
  const defaults = ts.typescriptDefaults;
  defaults.setCompilerOptions({
    target: ts.ScriptTarget.ESNext,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.NodeJs,
    strict: true,
    noEmit: true,
    allowNonTsExtensions: true,
    // `import … from "./sklearn-wrapper.ts"` runs in every runtime (lib/runner/module-system.ts): the editor accepts it too.
    allowImportingTsExtensions: true,
    moduleDetection: 3 /* force: every file is a module, so top-level await is allowed */,
  });
  // 1375/1378: top-level await needs module settings the in-browser service does not infer.
  defaults.setDiagnosticsOptions({ noSemanticValidation: false, noSyntaxValidation: false, diagnosticCodesToIgnore: [1375, 1378] });
  return fetch("/generated/editor-types.json")
    .then((response): Promise<EditorTypes> | EditorTypes => (response.ok ? (response.json() as Promise<EditorTypes>) : { files: {} }))
    .then((types) => {
      for (const [path, content] of Object.entries(types.files)) defaults.addExtraLib(content, `file:///${path}`);
    })
    // Without the declarations the editor still works (imports show as unknown).
    .catch(() => undefined);
}

const SEVERITIES = { 1: "hint", 2: "info", 4: "warning", 8: "error" } as const;

function exposeMarkers(monaco: MonacoApi): void {
  (globalThis as { __cuveeEditorMarkers?: () => EditorMarker[] }).__cuveeEditorMarkers = () =>
    monaco.editor.getModelMarkers({}).map((marker) => ({
      file: marker.resource.path.replace(/^\//, ""),
      message: marker.message,
      severity: SEVERITIES[marker.severity],
      line: marker.startLineNumber,
      column: marker.startColumn,
      code: typeof marker.code === "object" ? marker.code.value : marker.code,
    }));
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
    const monaco = (await import("./monaco-slim")) as unknown as MonacoApi;
    installWorkers(configureTypeScript(monaco));
    const { loader } = await import("@monaco-editor/react");
    loader.config({ monaco });
    defineThemes(monaco);
    // Read-only, for tests and probes: the editor's diagnostics as the learner sees them.
    exposeMarkers(monaco);
    // In development only: lets a developer (or a probe script) reach Monaco itself.
    if (process.env.NODE_ENV !== "production") (globalThis as { monaco?: MonacoApi }).monaco = monaco;
    return monaco;
  })();
  return loading;
}

/**
 * The editor takes input: mark it (the editor-ready bench reads the mark) and let the
 * TypeScript worker start once the browser has painted.
 */
export function editorEditable(): void {
  performance.mark("cuvee-editor-editable");
  if (typeof requestIdleCallback === "function") requestIdleCallback(() => allowLanguageService(), { timeout: 500 });
  else setTimeout(allowLanguageService, 0);
}
