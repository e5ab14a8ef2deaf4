/**
 * The parts of Monaco's TypeScript worker module (`monaco-editor/language/typescript/ts.worker.js`,
 * shipped without declarations) that our own worker (typescript.worker.ts) builds on.
 */
declare module "monaco-editor/language/typescript/ts.worker.js" {
  import type * as TS from "typescript";

  /** Monaco's worker context and creation data: opaque here, passed through to the base class. */
  export interface WorkerContext {
    readonly __brand: "monaco-worker-context";
  }
  export interface CreateData {
    readonly __brand: "monaco-ts-create-data";
  }

  export class TypeScriptWorker {
    constructor(ctx: WorkerContext, createData: CreateData);
    getLanguageService(): TS.LanguageService;
    getSemanticDiagnostics(fileName: string): Promise<TS.Diagnostic[]>;
  }

  /** Monaco's worker server: call it on the first message, with a factory of the language service worker. */
  export function initialize(factory: (ctx: WorkerContext, createData: CreateData) => TypeScriptWorker): void;

  /**
   * The TypeScript bundled with Monaco (its own copy, the same version as ours: see
   * typescript-version.test.ts). `setLocalizedDiagnosticMessages` is what tsserver calls with a
   * locale's messages; it is exported but missing from the public declarations.
   */
  export const ts: { typescript: typeof TS & { setLocalizedDiagnosticMessages(messages: Record<string, string>): void } };
}
