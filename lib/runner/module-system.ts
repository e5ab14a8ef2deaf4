import { transform } from "sucrase";
import { explainSyntaxError, suggestKitName } from "./explain-error";
import { LEARNER_SOURCE_PREFIX } from "./learner-source";
import { normalisePath } from "./memory-fs";
import { timed } from "./run-timings";
import type { CodeFiles } from "./types";

/**
 * Runs a learner's TypeScript project without a bundler: each file is transpiled by sucrase
 * (which keeps line numbers) to CommonJS, wrapped in an async function so that top-level
 * `await` works, and evaluated under a `cuvee-learner:///` source URL so that errors point at
 * the learner's file and line. Bare specifiers resolve only to the modules the runtime provides
 * (`mlflow`, `cuvee/*`, `node:fs/promises`); relative ones to the learner's own files.
 */

interface LoadedModule {
  exports: Record<string, unknown>;
  /** Settles when the module's body (with its top-level awaits) has finished. */
  done: Promise<void>;
}

export class ModuleNotFound extends Error {
  override readonly name = "ModuleNotFound";
}

const EXTENSIONS = ["", ".ts", ".tsx", ".js", ".mjs", "/index.ts", "/index.js"];

export function transpile(source: string, filePath: string): string {
  return transform(source, {
    transforms: ["typescript", "imports"],
    filePath,
    // Keep modern syntax (`using`, optional chaining…): the browser and Node run it natively.
    disableESTransforms: true,
    production: true,
  }).code;
}

/**
 * A syntax error keeps sucrase's message (what a learner searches for) and gains a French
 * explanation with the line and column, and the learner's file. Sucrase counts columns from 1;
 * `loc` follows the engines' convention (from 0) that describe-error expects.
 */
function transpileForLearner(source: string, file: string): string {
  try {
    return transpile(source, file);
  } catch (error) {
    const original = error as Error & { loc?: { line: number; column: number } };
    const syntaxError = new SyntaxError(original.message);
    const loc = original.loc ? { line: original.loc.line, column: original.loc.column - 1 } : undefined;
    const explanation = loc
      ? explainSyntaxError(file, loc.line, loc.column + 1, original.message)
      : `Erreur de syntaxe dans ${file} : le code ne peut pas être lu.`;
    Object.assign(syntaxError, { loc, learnerFile: file, explanation });
    throw syntaxError;
  }
}

/** `using x = …` / `await using x = …`, which older engines (Node 20) cannot parse. */
const USING_DECLARATION = /(^|[^\p{L}\p{N}_$.])(await\s+)?using\s+[\p{L}_$][\p{L}\p{N}_$]*\s*=/mu;

/**
 * The engine refused code sucrase accepted (sucrase keeps modern syntax as it is). The one case
 * the course meets is `await using`, which browsers run but Node 20 (the CLI, a WebContainer)
 * does not: say so in French, at the learner's line, with the form that works everywhere.
 */
function explainEngineSyntaxError(error: unknown, source: string, file: string): unknown {
  if (!(error instanceof SyntaxError)) return error;
  const using = USING_DECLARATION.exec(source);
  if (!using) return error;
  const offset = using.index + using[1]!.length;
  const line = source.slice(0, offset).split("\n").length;
  const explained = new SyntaxError(
    `Erreur de syntaxe dans ${file} : cet environnement ne connaît pas encore \`${using[2] ? "await using" : "using"}\` ` +
      `(les navigateurs récents, oui ; Node.js 20, non). Utilisez la forme avec fonction, qui marche partout : ` +
      `\`await mlflow.startRun({}, async (run) => { … });\``,
  );
  Object.assign(explained, { loc: { line, column: offset - source.lastIndexOf("\n", offset - 1) - 1 }, learnerFile: file });
  return explained;
}

export class ModuleSystem {
  private readonly cache = new Map<string, LoadedModule>();

  constructor(
    private readonly files: CodeFiles,
    private readonly builtins: Record<string, unknown>,
  ) {}

  /** Runs the entry file; resolves when its top-level code (awaits included) has finished. */
  async runEntry(entry: string): Promise<void> {
    try {
      await this.load(normalisePath(entry)).done;
    } catch (error) {
      throw this.withSuggestion(error);
    }
  }

  /** A typo of an SDK or kit name (`mlflow.logMetrcs`) gets the name it probably meant, for the French explanation. */
  private withSuggestion(error: unknown): unknown {
    if (!(error instanceof Error) || "suggestion" in error) return error;
    const suggestion = suggestKitName(error.name, error.message, this.builtins);
    if (suggestion) {
      try {
        Object.defineProperty(error, "suggestion", { value: suggestion, configurable: true });
      } catch {
        // A frozen error keeps its own text only.
      }
    }
    return error;
  }

  private resolve(specifier: string, fromPath: string): string {
    if (!specifier.startsWith(".") && !specifier.startsWith("/")) {
      const available = Object.keys(this.builtins).map((name) => `"${name}"`).join(", ");
      throw new ModuleNotFound(`Le module « ${specifier} » n'est pas disponible ici. Modules disponibles : ${available}, et vos propres fichiers (./…).`);
    }
    const base = normalisePath(specifier, fromPath.slice(0, fromPath.lastIndexOf("/")) || "/");
    for (const extension of EXTENSIONS) {
      const candidate = `${base}${extension}`;
      if (candidate.slice(1) in this.files) return candidate;
    }
    throw new ModuleNotFound(`Fichier introuvable pour l'import « ${specifier} » (depuis ${fromPath.slice(1)}).`);
  }

  private require(specifier: string, fromPath: string): unknown {
    if (Object.hasOwn(this.builtins, specifier)) return this.builtins[specifier];
    return this.load(this.resolve(specifier, fromPath)).exports;
  }

  private load(path: string): LoadedModule {
    const cached = this.cache.get(path);
    if (cached) return cached;
    const source = this.files[path.slice(1)];
    if (source === undefined) throw new ModuleNotFound(`Fichier introuvable : ${path.slice(1)}.`);
    if (path.endsWith(".json")) {
      const module = { exports: JSON.parse(source) as Record<string, unknown>, done: Promise.resolve() };
      this.cache.set(path, module);
      return module;
    }
    const code = timed("transpile", () => transpileForLearner(source, path.slice(1)));
    // The wrapper opens on the same line as the code so that line numbers stay the learner's.
    const wrapped = `(async function (require, module, exports) {${code}\n})\n//# sourceURL=${LEARNER_SOURCE_PREFIX}${path.slice(1)}`;
    let factory: (
      require: (specifier: string) => unknown,
      module: { exports: Record<string, unknown> },
      exports: Record<string, unknown>,
    ) => Promise<void>;
    try {
      // Indirect eval: runs in the global scope, never in this module's.
      factory = (0, eval)(wrapped) as typeof factory;
    } catch (error) {
      throw explainEngineSyntaxError(error, source, path.slice(1));
    }
    const module = { exports: {} as Record<string, unknown> };
    const loaded: LoadedModule = { exports: module.exports, done: Promise.resolve() };
    this.cache.set(path, loaded);
    loaded.done = factory((specifier) => this.require(specifier, path), module, module.exports).then(() => {
      loaded.exports = module.exports;
    });
    loaded.exports = module.exports;
    return loaded;
  }
}
