import ts from "typescript";

/**
 * Reading the learner's code by its structure (the TypeScript compiler's syntax tree), for the
 * checks where the shape of the code is the evidence: "is `setTrackingUri` called before the
 * run starts", "is `startRun` called from a loop". A regex would be fooled by comments, strings
 * and formatting; the syntax tree is not.
 */

export type LearnerSource = ts.SourceFile;

/** Parses a learner file (syntax only: no type checking, never throws on broken code). */
export function parseLearnerCode(source: string, fileName = "main.ts"): LearnerSource {
  return ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

/** The packages a file imports (`cuvee/ml` → `cuvee`, `@scope/pkg/x` → `@scope/pkg`); Node built-ins and relative paths excluded. */
export function importedPackages(file: LearnerSource): string[] {
  const packages = new Set<string>();
  const add = (specifier: string) => {
    if (specifier.startsWith(".") || specifier.startsWith("/") || specifier.startsWith("node:")) return;
    const parts = specifier.split("/");
    packages.add(specifier.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] ?? specifier));
  };
  for (const statement of file.statements) {
    if ((ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
      add(statement.moduleSpecifier.text);
    }
  }
  return [...packages].sort();
}

/** A call found in the learner's code. */
export interface FoundCall {
  node: ts.CallExpression;
  /** Offset in the file, to compare the order of two calls. */
  position: number;
  /** 1-based line, for French messages ("ligne 12"). */
  line: number;
  /** The call sits, lexically, in the body of a loop (for, for…of, for…in, while, do, forEach/map callback). */
  insideLoop: boolean;
  /** The name of the function declaration (or `const f = …` function) that contains the call, if any. */
  enclosingFunction: string | undefined;
}

/** `name`, `mlflow.name` or `anything.name`: the name a call is made by. */
function calledName(call: ts.CallExpression): string | undefined {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

const LOOP_CALLBACK_METHODS = new Set(["forEach", "map", "flatMap"]);

function isLoop(node: ts.Node): boolean {
  return (
    ts.isForStatement(node) ||
    ts.isForOfStatement(node) ||
    ts.isForInStatement(node) ||
    ts.isWhileStatement(node) ||
    ts.isDoStatement(node)
  );
}

/** A function passed to `.forEach(…)` / `.map(…)`: its body runs once per element, like a loop body. */
function isLoopCallback(node: ts.Node): boolean {
  if (!(ts.isArrowFunction(node) || ts.isFunctionExpression(node))) return false;
  const parent = node.parent;
  return ts.isCallExpression(parent) && parent.arguments.includes(node as ts.Expression) && LOOP_CALLBACK_METHODS.has(calledName(parent) ?? "");
}

function functionName(node: ts.Node): string | undefined {
  if (ts.isFunctionDeclaration(node)) return node.name?.text;
  if ((ts.isArrowFunction(node) || ts.isFunctionExpression(node)) && ts.isVariableDeclaration(node.parent) && ts.isIdentifier(node.parent.name)) {
    return node.parent.name.text;
  }
  return undefined;
}

function isFunctionLike(node: ts.Node): boolean {
  return ts.isFunctionDeclaration(node) || ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isMethodDeclaration(node);
}

/** Every call made by that name (`startRun` matches `mlflow.startRun(…)` and `startRun(…)`), in file order. */
export function findCalls(file: LearnerSource, name: string): FoundCall[] {
  const found: FoundCall[] = [];
  const visit = (node: ts.Node, insideLoop: boolean, enclosingFunction: string | undefined): void => {
    if (ts.isCallExpression(node) && calledName(node) === name) {
      const position = node.getStart(file);
      found.push({ node, position, line: file.getLineAndCharacterOfPosition(position).line + 1, insideLoop, enclosingFunction });
    }
    let loop = insideLoop;
    let enclosing = enclosingFunction;
    if (isLoop(node) || isLoopCallback(node)) loop = true;
    else if (isFunctionLike(node)) {
      // A function's body runs where the function is called, not where it is written.
      loop = false;
      enclosing = functionName(node);
    }
    ts.forEachChild(node, (child) => visit(child, loop, enclosing));
  };
  visit(file, false, undefined);
  return found;
}

/**
 * Whether a call by that name is reached once per iteration of a loop: written in a loop body,
 * or written in a function of this file that a loop calls (one level of indirection, which is
 * how a lesson factors a loop's body out into `trainAndLog(…)`).
 */
export function isCalledFromLoop(file: LearnerSource, name: string): boolean {
  const calls = findCalls(file, name);
  if (calls.some((call) => call.insideLoop)) return true;
  const helpers = new Set(calls.map((call) => call.enclosingFunction).filter((helper): helper is string => helper !== undefined));
  return [...helpers].some((helper) => findCalls(file, helper).some((call) => call.insideLoop));
}

/** The first string literal argument of a call, when it is one (`createExperiment("exp")` → `exp`). */
export function firstStringArgument(call: FoundCall): string | undefined {
  const argument = call.node.arguments[0];
  return argument && (ts.isStringLiteral(argument) || ts.isNoSubstitutionTemplateLiteral(argument)) ? argument.text : undefined;
}

/** The callee as written, without spaces (`mlflow.sklearn.autolog(…)` → `mlflow.sklearn.autolog`). */
export function calleeText(call: FoundCall): string {
  return call.node.expression.getText().replace(/\s+/g, "");
}
