import { describe, expect, it } from "vitest";
import { describeError } from "./describe-error";
import { closestName, explainRuntimeError, explainSyntaxError, learnerExpression, suggestKitName } from "./explain-error";
import { ModuleSystem } from "./module-system";

/** Runs learner code through the real module system and engine, and describes what it threw. */
async function errorOf(code: string, builtins: Record<string, unknown> = {}) {
  try {
    await new ModuleSystem({ "main.ts": code }, builtins).runEntry("main.ts");
  } catch (error) {
    return describeError(error);
  }
  throw new Error("the code did not throw");
}

const sdk = { logMetric: () => {}, logMetrics: () => {}, logParam: () => {}, startRun: () => {}, setExperiment: () => {} };
const kit = { mlflow: sdk, "cuvee/ml": { meanAbsoluteError: () => 0, r2Score: () => 0 } };

describe("French explanations of the engine's errors (real V8 messages)", () => {
  it("a name that does not exist keeps V8's line and says why in French", async () => {
    const error = await errorOf("const total = 1;\nconsole.log(totl);\n");
    expect(error).toMatchObject({ name: "ReferenceError", message: "totl is not defined", location: { file: "main.ts", line: 2 } });
    expect(error.explanation).toBe("`totl` n'existe pas ici : faute de frappe, ou variable déclarée plus bas / dans un autre bloc ?");
  });

  it("a mistyped kit function gets the name it probably meant", async () => {
    const error = await errorOf('import { meanAbsoluteError } from "cuvee/ml";\nconst mae = meanAbsolutError([1], [2]);\n', kit);
    expect(error.message).toBe("meanAbsolutError is not defined");
    expect(error.explanation).toContain("Vouliez-vous dire `meanAbsoluteError` ?");
  });

  it("an SDK function used without its namespace points at mlflow.*", async () => {
    const error = await errorOf('import * as mlflow from "mlflow";\nlogMetric("a", 1);\n', kit);
    expect(error.explanation).toContain("Vouliez-vous dire `mlflow.logMetric` ?");
  });

  it("a mistyped mlflow.* call suggests the closest SDK name", async () => {
    const error = await errorOf('import * as mlflow from "mlflow";\nawait mlflow.logMetrcs({ rmse: 1 });\n', kit);
    expect(error).toMatchObject({ name: "TypeError", message: "mlflow.logMetrcs is not a function" });
    expect(error.explanation).toBe(
      "`mlflow.logMetrcs` n'est pas une fonction : ce nom n'existe pas (faute de frappe ?) ou ne désigne pas une fonction. Vouliez-vous dire `mlflow.logMetrics` ?",
    );
  });

  it("a learner's own object gets no SDK suggestion", async () => {
    const error = await errorOf("const rows = [1];\nrows.logMetrcs();\n", kit);
    expect(error.explanation).toContain("`rows.logMetrcs` n'est pas une fonction");
    expect(error.explanation).not.toContain("Vouliez-vous dire");
  });

  it("a named import that does not exist, called (sucrase's `.call`), is explained", async () => {
    const error = await errorOf('import { logMetrcs } from "mlflow";\nlogMetrcs("a", 1);\n', kit);
    expect(error.message).toBe("Cannot read properties of undefined (reading 'call')");
    expect(error.explanation).toContain("n'existe pas sous ce nom");
  });

  it("reading a property of undefined", async () => {
    const error = await errorOf("const run: any = undefined;\nconsole.log(run.info);\n");
    expect(error.explanation).toContain("Lecture de `.info` sur une valeur undefined");
  });

  it("const reassigned, use before declaration, not iterable, not a constructor, destructuring, recursion", async () => {
    expect((await errorOf("const a = 1;\n(a as any) = 2;\n")).explanation).toContain("`const` ne peut pas changer");
    expect((await errorOf("console.log(b);\nconst b = 1;\n")).explanation).toContain("`b` est utilisée avant la ligne qui la déclare");
    expect((await errorOf("const n: any = 3;\nfor (const x of n) console.log(x);\n")).explanation).toContain("`n` ne se parcourt pas");
    expect((await errorOf("const f: any = 3;\nnew f();\n")).explanation).toContain("`f` ne s'utilise pas avec `new`");
    expect((await errorOf("const o: any = undefined;\nconst { x } = o;\n")).explanation).toContain("Impossible d'extraire `x`");
    expect((await errorOf("function f(): number { return f(); }\nf();\n")).explanation).toContain("Trop d'appels imbriqués");
    expect((await errorOf("JSON.parse(\"{'a': 1}\");\n")).explanation).toContain("pas du JSON valide");
    expect((await errorOf("Object.keys(undefined as any);\n")).explanation).toContain("`Object.keys`");
  });

  it("an unknown message gets no explanation, and a thrown object is printed, not [object Object]", async () => {
    expect((await errorOf("throw new Error('boum');\n")).explanation).toBeUndefined();
    const thrown = await errorOf("throw { code: 42 };\n");
    expect(thrown.message).toBe("Valeur levée (throw) : { code: 42 }");
  });
});

describe("syntax errors (sucrase) in French with line and column", () => {
  it("keeps sucrase's message and explains it at the editor's line and column", async () => {
    const error = await errorOf("const a = 1;\nconsole.log(a b);\n");
    expect(error).toMatchObject({
      name: "SyntaxError",
      message: 'Error transforming main.ts: Unexpected token, expected "," (2:15)',
      location: { file: "main.ts", line: 2, column: 15 },
    });
    expect(error.explanation).toBe(
      "Erreur de syntaxe dans main.ts, ligne 2, colonne 15 : symbole inattendu, « , » était attendu ici (virgule oubliée, parenthèse ou accolade mal fermée juste avant ?).",
    );
  });

  it("unterminated strings, templates and comments", () => {
    expect(explainSyntaxError("a.ts", 1, 9, "Error transforming a.ts: Unterminated string constant (1:9)")).toBe(
      "Erreur de syntaxe dans a.ts, ligne 1, colonne 9 : texte entre guillemets non fermé : il manque le guillemet de fin sur cette ligne.",
    );
    expect(explainSyntaxError("a.ts", 3, 1, "Unterminated template (3:1)")).toContain("il manque l'accent grave");
    expect(explainSyntaxError("a.ts", 3, 1, "Unterminated comment (3:1)")).toContain("il manque */");
    expect(explainSyntaxError("a.ts", 3, 1, "Something new (3:1)")).toBe("Erreur de syntaxe dans a.ts, ligne 3, colonne 1 : le code ne peut pas être lu à cet endroit.");
  });
});

describe("helpers", () => {
  it("learnerExpression gives back what the learner wrote for sucrase's rewritten imports", () => {
    expect(learnerExpression("(0 , _mlflow.logMetric)")).toBe("logMetric");
    expect(learnerExpression("_ml.fit.call")).toBe("fit");
    expect(learnerExpression("mlflow.logMetrcs")).toBe("mlflow.logMetrcs");
  });

  it("closestName accepts a typo, refuses a different word", () => {
    expect(closestName("logMetrcs", ["logMetric", "logMetrics", "logParam"])).toBe("logMetrics");
    expect(closestName("consol", ["logMetric", "startRun"])).toBeUndefined();
  });

  it("suggestKitName and explainRuntimeError on other engines' names", () => {
    expect(suggestKitName("TypeError", "mlflow.strtRun is not a function", kit)).toBe("mlflow.startRun");
    expect(suggestKitName("RangeError", "mlflow.strtRun is not a function", kit)).toBeUndefined();
    expect(explainRuntimeError("Error", "x is not defined")).toBeUndefined();
  });
});
