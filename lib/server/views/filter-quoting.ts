/**
 * Building MLflow search strings from what a learner typed in a plain search box. MLflow's
 * grammar has no escape inside quotes, so a text is quoted with whichever quote it does not hold.
 */

/** `'text'` or `"text"`; a text holding both quotes loses its double quotes (it cannot be searched otherwise). */
export function quoteLiteral(text: string): string {
  if (!text.includes("'")) return `'${text}'`;
  return `"${text.replaceAll('"', "")}"`;
}

/** `metrics.\`my key\``: backticks let a key hold spaces or dots in an order_by clause. */
export function orderByClause(column: SortColumn): string {
  const prefix = column.type === "attribute" ? "attributes" : `${column.type}s`;
  return `${prefix}.\`${column.key}\` ${column.ascending ? "ASC" : "DESC"}`;
}

export interface SortColumn {
  type: "metric" | "param" | "tag" | "attribute";
  key: string;
  ascending: boolean;
}

/** Parses the `tri` URL value (`metric:rmse:asc`), as the runs table writes it; undefined when malformed. */
export function parseSortParam(raw: string | undefined): SortColumn | undefined {
  if (!raw) return undefined;
  const found = /^(metric|param|tag|attribute):(.+):(asc|desc)$/u.exec(raw);
  if (!found) return undefined;
  return { type: found[1] as SortColumn["type"], key: found[2]!, ascending: found[3] === "asc" };
}

export function formatSortParam(column: SortColumn): string {
  return `${column.type}:${column.key}:${column.ascending ? "asc" : "desc"}`;
}
