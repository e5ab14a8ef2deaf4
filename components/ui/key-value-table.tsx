import type { ReactNode } from "react";

/** Two columns (name, value) with a caption for screen readers; long values wrap instead of overflowing. */
interface KeyValueTableProps {
  caption: string;
  rows: readonly { key: string; value: ReactNode }[];
  /** Shown instead of the table when there are no rows. */
  empty: string;
  /** Column headings; default "Nom" and "Valeur". */
  headings?: readonly [string, string];
}

export function KeyValueTable({ caption, rows, empty, headings = ["Nom", "Valeur"] }: KeyValueTableProps) {
  if (rows.length === 0) return <p className="text-sm text-stone-600 dark:text-stone-400">{empty}</p>;
  return (
    <table className="w-full table-fixed border-collapse text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b border-stone-200 text-left text-xs uppercase tracking-wide text-stone-600 dark:text-stone-400 dark:border-stone-800">
          <th scope="col" className="w-2/5 py-1.5 pr-3 font-medium">
            {headings[0]}
          </th>
          <th scope="col" className="py-1.5 font-medium">
            {headings[1]}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} className="border-b border-stone-100 align-top last:border-0 dark:border-stone-800/60">
            <th scope="row" className="break-words py-1.5 pr-3 text-left font-mono text-[13px] font-normal">
              {row.key}
            </th>
            <td className="break-words py-1.5 font-mono text-[13px]">{row.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
