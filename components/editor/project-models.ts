/**
 * The learner's files as Monaco models, all of them at once: TypeScript checks a file against
 * the models that exist, so an import of `./sklearn-wrapper` from `main.ts` resolves only if the
 * other file has a model too, even while its tab is not shown. Each file's model URI is
 * `file:///<path>`, beside the SDK's declarations (`file:///node_modules/…`).
 */
import type * as Monaco from "monaco-editor";
import type { CodeFiles } from "@/lib/course/code-files";
import type { MonacoApi } from "./monaco-setup";

export function fileUri(path: string): string {
  return `file:///${path}`;
}

/** The project path of a model's URI, or undefined when it is not one of the learner's files. */
function projectPath(uri: Monaco.Uri, files: CodeFiles): string | undefined {
  if (uri.scheme !== "file") return undefined;
  const path = uri.path.replace(/^\//, "");
  return Object.hasOwn(files, path) ? path : undefined;
}

/**
 * Creates, updates and disposes the models of `files`. The shown file is left alone: the editor
 * edits it (its undo history stays). Returns the paths now held, for the next call.
 */
export function syncProjectModels(monaco: MonacoApi, files: CodeFiles, shown: string, held: ReadonlySet<string>): Set<string> {
  for (const [path, text] of Object.entries(files)) {
    const uri = monaco.Uri.parse(fileUri(path));
    const model = monaco.editor.getModel(uri);
    if (!model) monaco.editor.createModel(text, "typescript", uri);
    else if (path !== shown && model.getValue() !== text) model.setValue(text);
  }
  for (const path of held) {
    if (!Object.hasOwn(files, path) && path !== shown) monaco.editor.getModel(monaco.Uri.parse(fileUri(path)))?.dispose();
  }
  return new Set(Object.keys(files));
}

export function disposeProjectModels(monaco: MonacoApi, held: ReadonlySet<string>): void {
  for (const path of held) monaco.editor.getModel(monaco.Uri.parse(fileUri(path)))?.dispose();
}

export interface OpenFileRequest {
  path: string;
  /** Where to put the cursor once the file is shown (go-to-definition's target). */
  selection?: Monaco.IRange | Monaco.IPosition;
}

let openFile: ((request: OpenFileRequest) => void) | undefined;
let openerFiles: CodeFiles = {};
let openerInstalled = false;

/**
 * Go-to-definition into another of the learner's files: the standalone editor opens only its
 * own model, so the workbench is asked to show that file's tab (the editor then moves the
 * cursor). One opener for the page; the mounted workbench is its handler.
 */
export function handleOpenFile(monaco: MonacoApi, files: CodeFiles, handler: ((request: OpenFileRequest) => void) | undefined): void {
  openerFiles = files;
  openFile = handler;
  if (openerInstalled) return;
  openerInstalled = true;
  monaco.editor.registerEditorOpener({
    openCodeEditor(_source, resource, selection) {
      const path = projectPath(resource, openerFiles);
      if (path === undefined || !openFile) return false;
      openFile({ path, selection });
      return true;
    },
  });
}
