import type * as TS from "typescript";

/**
 * The hint on an un-awaited promise: an expression statement that calls something returning a
 * Promise (an `mlflow.*` call, or any async function) and neither awaits it nor handles it
 * (`await`, `.then/.catch/.finally`, `void`). Without `await`, the script goes on before the call
 * has finished (a metric logged after `endRun`, a run read before it exists), which nothing else
 * reports. It runs in the editor's TypeScript worker, where the type checker knows what each
 * call returns; `ts` is passed in because the worker has its own bundled TypeScript.
 */

/** Outside TypeScript's own ranges, so that it never shadows one of its diagnostics. */
export const FLOATING_PROMISE_CODE = 100_001;

export const FLOATING_PROMISE_MESSAGE =
  "Cet appel renvoie une promesse : ajoutez await devant, sinon la suite s'exécute avant qu'il soit fini.";

const HANDLERS = new Set(["then", "catch", "finally"]);

function isThenable(ts: typeof TS, checker: TS.TypeChecker, type: TS.Type, at: TS.Node): boolean {
  const members = type.isUnion() ? type.types : [type];
  return members.some((member) => {
    // `any` and `unknown` say nothing: untyped code is never flagged.
    if (member.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return false;
    const then = checker.getPropertyOfType(member, "then");
    return then !== undefined && checker.getTypeOfSymbolAtLocation(then, at).getCallSignatures().length > 0;
  });
}

function skipParentheses(ts: typeof TS, expression: TS.Expression): TS.Expression {
  let inner = expression;
  while (ts.isParenthesizedExpression(inner)) inner = inner.expression;
  return inner;
}

/** The un-awaited calls of a file, as warnings (no `file`: the worker sends them as they are). */
export function floatingPromiseDiagnostics(ts: typeof TS, checker: TS.TypeChecker, source: TS.SourceFile): TS.Diagnostic[] {
  const found: TS.Diagnostic[] = [];
  const visit = (node: TS.Node): void => {
    if (ts.isExpressionStatement(node)) {
      const call = skipParentheses(ts, node.expression);
      const handled = ts.isCallExpression(call) && ts.isPropertyAccessExpression(call.expression) && HANDLERS.has(call.expression.name.text);
      if (ts.isCallExpression(call) && !handled && isThenable(ts, checker, checker.getTypeAtLocation(call), call)) {
        const start = call.getStart(source);
        found.push({
          file: undefined,
          start,
          length: call.getEnd() - start,
          messageText: FLOATING_PROMISE_MESSAGE,
          category: ts.DiagnosticCategory.Warning,
          code: FLOATING_PROMISE_CODE,
        });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
