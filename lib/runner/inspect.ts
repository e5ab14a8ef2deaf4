/**
 * Formats `console.log` arguments the way Node prints them (a readable subset of
 * `util.inspect`), so that output in the browser sandbox reads like output in a terminal:
 * `[ 5.03, 5.21 ]`, `{ alpha: 0.5 }`, `Float64Array(2) [ 1, 2 ]`.
 */

const MAX_ITEMS = 100;
/** Node's hook for custom console output (the kit's DataFrame prints like pandas through it). */
const NODE_INSPECT = Symbol.for("nodejs.util.inspect.custom");
const MAX_DEPTH = 2;

function formatNumber(value: number): string {
  return Object.is(value, -0) ? "-0" : String(value);
}

function quote(text: string): string {
  return `'${text.replace(/\\/g, "\\\\").replace(/'/g, "\\'").replace(/\n/g, "\\n")}'`;
}

function formatKey(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : quote(key);
}

function list(items: string[], total: number, open: string, close: string): string {
  const more = total > items.length ? [`... ${total - items.length} more item${total - items.length > 1 ? "s" : ""}`] : [];
  const all = [...items, ...more];
  if (all.length === 0) return `${open}${close}`;
  const oneLine = `${open} ${all.join(", ")} ${close}`;
  if (oneLine.length <= 76 && !oneLine.includes("\n")) return oneLine;
  return `${open}\n${all.map((item) => `  ${item.replace(/\n/g, "\n  ")}`).join(",\n")}\n${close}`;
}

function inspectValue(value: unknown, depth: number, seen: Set<object>): string {
  switch (typeof value) {
    case "string":
      return quote(value);
    case "number":
      return formatNumber(value);
    case "bigint":
      return `${value}n`;
    case "boolean":
    case "undefined":
      return String(value);
    case "symbol":
      return value.toString();
    case "function":
      return `[${/^class\s/.test(Function.prototype.toString.call(value)) ? "class" : "Function"} ${value.name || "(anonymous)"}]`;
  }
  if (value === null) return "null";
  const object = value as object;
  if (seen.has(object)) return "[Circular]";
  if (object instanceof Error) return object.stack ?? `${object.name}: ${object.message}`;
  if (object instanceof Date) return Number.isNaN(object.getTime()) ? "Invalid Date" : object.toISOString();
  if (object instanceof RegExp) return String(object);

  const custom = (object as { [NODE_INSPECT]?: unknown })[NODE_INSPECT];
  if (typeof custom === "function") {
    const shown: unknown = custom.call(object, MAX_DEPTH - depth, {});
    if (typeof shown === "string") return shown;
  }

  seen.add(object);
  try {
    if (ArrayBuffer.isView(object) && !(object instanceof DataView)) {
      const typed = object as unknown as ArrayLike<number | bigint> & { constructor: { name: string } };
      const shown = Array.from({ length: Math.min(typed.length, MAX_ITEMS) }, (_, i) => inspectValue(typed[i], depth + 1, seen));
      return `${typed.constructor.name}(${typed.length}) ${list(shown, typed.length, "[", "]")}`;
    }
    if (Array.isArray(object)) {
      if (depth > MAX_DEPTH) return "[Array]";
      const shown = object.slice(0, MAX_ITEMS).map((item) => inspectValue(item, depth + 1, seen));
      return list(shown, object.length, "[", "]");
    }
    if (object instanceof Map) {
      if (depth > MAX_DEPTH) return "[Map]";
      const shown = [...object].slice(0, MAX_ITEMS).map(([k, v]) => `${inspectValue(k, depth + 1, seen)} => ${inspectValue(v, depth + 1, seen)}`);
      return `Map(${object.size}) ${list(shown, object.size, "{", "}")}`;
    }
    if (object instanceof Set) {
      if (depth > MAX_DEPTH) return "[Set]";
      const shown = [...object].slice(0, MAX_ITEMS).map((item) => inspectValue(item, depth + 1, seen));
      return `Set(${object.size}) ${list(shown, object.size, "{", "}")}`;
    }
    const prototype = Object.getPrototypeOf(object) as { constructor?: { name?: string } } | null;
    const name = prototype === null ? "[Object: null prototype]" : prototype.constructor?.name;
    const prefix = name && name !== "Object" ? `${name} ` : "";
    if (depth > MAX_DEPTH) return `[${name && name !== "Object" ? name : "Object"}]`;
    const entries = Object.entries(object);
    const shown = entries.slice(0, MAX_ITEMS).map(([key, item]) => `${formatKey(key)}: ${inspectValue(item, depth + 1, seen)}`);
    return `${prefix}${list(shown, entries.length, "{", "}")}`;
  } finally {
    seen.delete(object);
  }
}

/** One console line from `console.log(...args)`: strings print raw at the top level, like Node. */
export function formatConsoleArgs(args: readonly unknown[]): string {
  return args.map((arg) => (typeof arg === "string" ? arg : inspectValue(arg, 0, new Set()))).join(" ");
}
