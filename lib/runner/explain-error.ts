/**
 * French explanations of the errors a learner meets, shown under the engine's original line
 * (which stays: it is what a learner will search for). Engines word their errors in English
 * (V8's messages below, sucrase's for syntax); each pattern here says in French what usually
 * causes it in a learner's script. An unknown message gets no explanation rather than a vague one.
 */

/** Where a name the learner mistyped probably comes from: `mlflow.logMetrics` for `mlflow.logMetrcs`. */
export interface ErrorContext {
  suggestion?: string;
}

const code = (text: string) => `\`${text}\``;

/**
 * Sucrase rewrites a call of a named import, `logMetric(…)`, as `_mlflow.logMetric.call(void 0, …)`
 * (older versions: `(0 , _mlflow.logMetric)(…)`), and V8 quotes that: give back what the learner wrote.
 */
export function learnerExpression(expression: string): string {
  const trimmed = expression.trim();
  const imported = /^\(0\s*,\s*_[\w$]+\.([\w$]+)\)$/.exec(trimmed) ?? /^_[\w$]+\.([\w$]+)\.call$/.exec(trimmed);
  return imported ? imported[1]! : trimmed;
}

function didYouMean(context: ErrorContext): string {
  return context.suggestion ? ` Vouliez-vous dire ${code(context.suggestion)} ?` : "";
}

type Explainer = (match: RegExpExecArray, context: ErrorContext) => string;

/** [error name, V8 message pattern, explanation]; the first match wins. */
const RUNTIME_EXPLANATIONS: [string, RegExp, Explainer][] = [
  [
    "ReferenceError",
    /^([\p{L}\p{N}_$]+) is not defined$/u,
    ([, name], context) =>
      `${code(name!)} n'existe pas ici : faute de frappe, ou variable déclarée plus bas / dans un autre bloc ?${didYouMean(context)}`,
  ],
  [
    "ReferenceError",
    /^Cannot access '(.+)' before initialization$/,
    ([, name]) =>
      `${code(name!)} est utilisée avant la ligne qui la déclare (const ou let) : déplacez la déclaration plus haut, ou l'utilisation plus bas.`,
  ],
  [
    "TypeError",
    /^(.+) is not a function or its return value is not (?:async )?iterable$/,
    ([, expression], context) =>
      `${code(learnerExpression(expression!))} n'est pas une fonction (ou ne renvoie pas un tableau à décomposer) : vérifiez le nom et ce qu'elle renvoie.${didYouMean(context)}`,
  ],
  [
    "TypeError",
    /^(.+) is not a function$/,
    ([, expression], context) =>
      `${code(learnerExpression(expression!))} n'est pas une fonction : ce nom n'existe pas (faute de frappe ?) ou ne désigne pas une fonction.${didYouMean(context)}`,
  ],
  [
    "TypeError",
    // Sucrase calls a named import as `_module.name.call(void 0, …)`: `.call` of nothing is an import that does not exist.
    /^Cannot read properties of undefined \(reading 'call'\)$/,
    () =>
      "Cette fonction n'existe pas sous ce nom : vérifiez l'orthographe du nom importé (`import { … } from`) et de son appel.",
  ],
  [
    "TypeError",
    /^Cannot read properties of (undefined|null) \(reading '(.*)'\)$/,
    ([, value, property]) =>
      `Lecture de ${code(`.${property}`)} sur une valeur ${value} : ce qui précède le point n'a pas de valeur. Une variable jamais remplie, un nom de propriété mal orthographié, un \`await\` oublié ?`,
  ],
  [
    "TypeError",
    /^Cannot set properties of (undefined|null) \(setting '(.*)'\)$/,
    ([, value, property]) =>
      `Écriture de ${code(`.${property}`)} sur une valeur ${value} : l'objet à modifier n'existe pas (encore). Créez-le d'abord, par exemple \`= {}\`.`,
  ],
  [
    "TypeError",
    /^Cannot destructure property '(.*)' of '(.*)' as it is (undefined|null)\.?$/,
    ([, property, source, value]) =>
      `Impossible d'extraire ${code(property!)} de ${code(learnerExpression(source!))} : cette valeur est ${value}. Un \`await\` oublié, ou un mauvais nom ?`,
  ],
  [
    "TypeError",
    /^Assignment to constant variable\.?$/,
    () => "Une variable déclarée avec `const` ne peut pas changer de valeur : déclarez-la avec `let` si elle doit changer.",
  ],
  [
    "TypeError",
    /^(.+) is not iterable(?: \(cannot read property Symbol\(Symbol\.iterator\)\))?$/,
    ([, expression]) =>
      `${code(learnerExpression(expression!))} ne se parcourt pas : \`for…of\` et la décomposition \`[a, b] = …\` attendent un tableau (ou une autre collection). Un \`await\` oublié ?`,
  ],
  [
    "TypeError",
    /^(.+) is not a constructor$/,
    ([, expression]) => `${code(learnerExpression(expression!))} ne s'utilise pas avec \`new\` : ce n'est pas une classe (vérifiez le nom et l'import).`,
  ],
  [
    "TypeError",
    /^Cannot convert undefined or null to object$/,
    () => "Une fonction comme `Object.keys` ou `Object.entries` a reçu `undefined` ou `null` au lieu d'un objet.",
  ],
  [
    "TypeError",
    /^Cannot mix BigInt and other types/,
    () => "Un `bigint` (comme `10n`) ne se mélange pas à un `number` : convertissez l'un des deux (`Number(x)`).",
  ],
  [
    "RangeError",
    /^Maximum call stack size exceeded$/,
    () => "Trop d'appels imbriqués : une fonction s'appelle elle-même sans fin (récursion sans condition d'arrêt ?).",
  ],
  [
    "RangeError",
    /^Invalid array length$/,
    () => "Longueur de tableau invalide : elle doit être un entier positif raisonnable.",
  ],
  [
    "RangeError",
    /^(?:toFixed|toPrecision)\(\) (?:digits )?argument must be between/,
    () => "Le nombre de décimales demandé est hors limites (`toFixed` accepte de 0 à 100).",
  ],
  [
    "SyntaxError",
    /JSON|Unexpected end of (?:JSON )?input/,
    () => "Le texte passé à `JSON.parse` n'est pas du JSON valide (texte vide, guillemets simples, virgule en trop ?).",
  ],
  [
    "SyntaxError",
    /^await is only valid in async functions/,
    () => "`await` ne s'utilise que dans une fonction `async` (ou au niveau principal du fichier) : ajoutez `async` devant la fonction qui l'entoure.",
  ],
];

/** The French line shown under an error thrown at run time, or undefined when none fits. */
export function explainRuntimeError(name: string, message: string, context: ErrorContext = {}): string | undefined {
  for (const [errorName, pattern, explain] of RUNTIME_EXPLANATIONS) {
    if (errorName !== name) continue;
    const match = pattern.exec(message);
    if (match) return explain(match, context);
  }
  return undefined;
}

/** Sucrase's parser messages (without their " (line:column)" suffix), in French. */
function explainParserMessage(message: string): string {
  const expected = /^Unexpected token, expected "(.+)"$/.exec(message);
  if (expected) {
    return `symbole inattendu, « ${expected[1]} » était attendu ici (virgule oubliée, parenthèse ou accolade mal fermée juste avant ?).`;
  }
  if (message === "Unexpected token") {
    return "symbole inattendu (mot-clé mal placé, nom manquant, parenthèse ou accolade en trop ?).";
  }
  if (message === "Unterminated string constant") return "texte entre guillemets non fermé : il manque le guillemet de fin sur cette ligne.";
  if (message === "Unterminated template") return "gabarit `…` non fermé : il manque l'accent grave (`) de fin.";
  if (message === "Unterminated comment") return "commentaire /* … non fermé : il manque */.";
  if (message === "Unterminated regular expression") return "expression régulière /…/ non fermée.";
  if (/^Unexpected character/.test(message)) return "caractère inattendu (un caractère copié d'ailleurs, comme un guillemet typographique ?).";
  return "le code ne peut pas être lu à cet endroit.";
}

/**
 * The French sentence for a syntax error sucrase found, with the line and column the editor
 * shows (both from 1). `message` is sucrase's: "Error transforming main.ts: Unexpected token,
 * expected "," (43:59)".
 */
export function explainSyntaxError(file: string, line: number, column: number, message: string): string {
  const parserMessage = message.replace(/^Error transforming [^:]*: /, "").replace(/ \(\d+:\d+\)$/, "");
  return `Erreur de syntaxe dans ${file}, ligne ${line}, colonne ${column} : ${explainParserMessage(parserMessage)}`;
}

/** Levenshtein distance, small strings only (SDK names). */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The closest of `candidates` to `name` when it is close enough to be a typo, else undefined. */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const d = distance(name, candidate);
    if (d < (best?.distance ?? Infinity)) best = { name: candidate, distance: d };
  }
  if (!best || best.distance === 0) return best?.name;
  return best.distance <= Math.max(1, Math.floor(name.length / 4)) ? best.name : undefined;
}

function exportedNames(module: unknown): string[] {
  return module !== null && typeof module === "object" ? Object.keys(module).filter((name) => name !== "default") : [];
}

/**
 * The SDK or kit name a mistyped one was probably meant to be, from the modules the run
 * provides (`mlflow`, `cuvee/*`): `mlflow.logMetrcs` → `mlflow.logMetrics`, `meanAbsolutError` →
 * `meanAbsoluteError`, an SDK function used without its namespace (`logMetric`) → `mlflow.logMetric`.
 */
export function suggestKitName(errorName: string, message: string, modules: Record<string, unknown>): string | undefined {
  const sdk = exportedNames(modules["mlflow"]);
  if (errorName === "TypeError") {
    const call = /^(.+) is not a function/.exec(message);
    if (!call) return undefined;
    const expression = learnerExpression(call[1]!);
    const dot = expression.lastIndexOf(".");
    const qualifier = dot >= 0 ? expression.slice(0, dot) : undefined;
    // Only the SDK's namespace: a typo on the learner's own objects has no list to compare with.
    if (qualifier !== undefined && qualifier !== "mlflow") return undefined;
    const name = expression.slice(dot + 1);
    const best = closestName(name, sdk);
    return best && best !== name ? `${qualifier ? `${qualifier}.` : ""}${best}` : undefined;
  }
  if (errorName === "ReferenceError") {
    const missing = /^([\p{L}\p{N}_$]+) is not defined$/u.exec(message);
    if (!missing) return undefined;
    const name = missing[1]!;
    if (sdk.includes(name)) return `mlflow.${name}`;
    const kit = Object.entries(modules).flatMap(([specifier, module]) => (specifier.startsWith("cuvee/") || specifier === "mlflow" ? exportedNames(module) : []));
    const best = closestName(name, kit);
    return best && best !== name ? best : undefined;
  }
  return undefined;
}
