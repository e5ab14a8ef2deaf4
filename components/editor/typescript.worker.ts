/**
 * The editor's TypeScript worker: Monaco's own, with two additions made where the type checker
 * lives (cheaper than a second parse in the page):
 * - TypeScript's diagnostics in French, from the French messages TypeScript itself ships
 *   (`typescript/lib/fr`, the same 5.9.3 as Monaco's bundled copy; bundled into this worker's
 *   chunk: 346 kB, 84 kB gzipped, next to Monaco's 6.7 MB / 1.4 MB);
 * - a warning on an un-awaited promise (floating-promises.ts).
 * The page starts it only once the editor takes input (monaco-setup.ts).
 */
import { initialize, ts as services, TypeScriptWorker, type CreateData, type WorkerContext } from "monaco-editor/language/typescript/ts.worker.js";
import frenchMessages from "typescript/lib/fr/diagnosticMessages.generated.json";
import { floatingPromiseDiagnostics } from "./floating-promises";

const ts = services.typescript;
// Before any program exists: TypeScript reads the table when it creates each diagnostic.
ts.setLocalizedDiagnosticMessages(frenchMessages);

class CuveeTypeScriptWorker extends TypeScriptWorker {
  override async getSemanticDiagnostics(fileName: string): Promise<import("typescript").Diagnostic[]> {
    const diagnostics = await super.getSemanticDiagnostics(fileName);
    const program = this.getLanguageService().getProgram();
    const source = program?.getSourceFile(fileName);
    if (!program || !source || source.isDeclarationFile) return diagnostics;
    return [...diagnostics, ...floatingPromiseDiagnostics(ts, program.getTypeChecker(), source)];
  }
}

// Monaco's protocol, as its own ts.worker.js (whose import above installed the same handler
// with the plain worker): the first message starts the worker server, the second brings the
// creation data.
self.onmessage = () => {
  initialize((ctx: WorkerContext, createData: CreateData) => new CuveeTypeScriptWorker(ctx, createData));
};
