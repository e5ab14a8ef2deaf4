"use client";

import Papa from "papaparse";
import { useEffect, useState } from "react";
import { isTextual, MAX_TEXT_PREVIEW_BYTES, previewKind } from "./preview-kind";

/** Rows of a CSV preview: enough to see the shape, few enough to stay fast. */
const CSV_PREVIEW_ROWS = 100;

type Loaded = { state: "loading" } | { state: "error"; message: string } | { state: "done"; text: string };

function useArtifactText(url: string, enabled: boolean): Loaded | null {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  useEffect(() => {
    if (!enabled) return setLoaded(null);
    const abort = new AbortController();
    setLoaded({ state: "loading" });
    fetch(url, { signal: abort.signal, cache: "no-store" })
      .then(async (response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        setLoaded({ state: "done", text: await response.text() });
      })
      .catch((error: unknown) => {
        if (!abort.signal.aborted) setLoaded({ state: "error", message: `Impossible de lire ce fichier (${(error as Error).message}).` });
      });
    return () => abort.abort();
  }, [url, enabled]);
  return loaded;
}

function CsvTable({ text, name }: { text: string; name: string }) {
  const parsed = Papa.parse<string[]>(text.trim(), { delimiter: name.toLowerCase().endsWith(".tsv") ? "\t" : "", skipEmptyLines: true });
  const [header = [], ...rows] = parsed.data;
  return (
    <div>
      <p className="mb-2 text-xs text-stone-600 dark:text-stone-400">
        {rows.length} ligne{rows.length > 1 ? "s" : ""} · {header.length} colonne{header.length > 1 ? "s" : ""}
        {rows.length > CSV_PREVIEW_ROWS && ` · les ${CSV_PREVIEW_ROWS} premières affichées`}
      </p>
      <div className="max-h-[420px] overflow-auto rounded border border-stone-200 dark:border-stone-800">
        <table className="w-full border-collapse text-xs">
          <caption className="sr-only">Aperçu du fichier {name}</caption>
          <thead className="sticky top-0 bg-stone-100 dark:bg-stone-800">
            <tr>
              {header.map((cell, index) => (
                <th key={index} scope="col" className="whitespace-nowrap px-2 py-1 text-left font-medium">
                  {cell}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, CSV_PREVIEW_ROWS).map((row, rowIndex) => (
              <tr key={rowIndex} className="border-t border-stone-100 dark:border-stone-800">
                {row.map((cell, index) => (
                  <td key={index} className="whitespace-nowrap px-2 py-1 font-mono">
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function prettyJson(text: string): { text: string; valid: boolean } {
  try {
    return { text: JSON.stringify(JSON.parse(text), null, 2), valid: true };
  } catch {
    return { text, valid: false };
  }
}

const preClass = "max-h-[420px] overflow-auto whitespace-pre-wrap break-words rounded bg-stone-50 p-3 font-mono text-xs dark:bg-stone-950";

/** One artifact, shown according to its type; SVG and HTML only in sandboxed frames. */
export function ArtifactPreview({ name, url, size }: { name: string; url: string; size: number | null }) {
  const kind = previewKind(name);
  const tooBig = size !== null && size > MAX_TEXT_PREVIEW_BYTES;
  const loaded = useArtifactText(url, isTextual(kind) && !tooBig);

  if (kind === "none") return <p className="text-sm text-stone-600 dark:text-stone-400">Pas d&apos;aperçu pour ce type de fichier : téléchargez-le.</p>;
  if (kind === "image") return <img src={url} alt={`Aperçu de ${name}`} className="max-h-[480px] max-w-full rounded border border-stone-200 bg-white dark:border-stone-800" />;
  if (kind === "svg") {
    return (
      <div>
        {/* An <img> never runs an SVG's scripts, and the download itself is served with a sandbox CSP. */}
        <img src={url} alt={`Aperçu de ${name}`} className="max-h-[480px] max-w-full rounded border border-stone-200 bg-white dark:border-stone-800" />
        <p className="mt-2 text-xs text-stone-600 dark:text-stone-400">Aperçu isolé : les scripts éventuels de ce SVG ne s&apos;exécutent pas.</p>
      </div>
    );
  }
  if (tooBig) return <p className="text-sm text-stone-600 dark:text-stone-400">Fichier trop gros pour un aperçu : téléchargez-le.</p>;
  if (!loaded || loaded.state === "loading") {
    return (
      <p role="status" className="text-sm text-stone-600 dark:text-stone-400">
        Chargement de l&apos;aperçu…
      </p>
    );
  }
  if (loaded.state === "error") return <p role="alert" className="text-sm text-red-700 dark:text-red-300">{loaded.message}</p>;

  switch (kind) {
    case "csv":
      return <CsvTable text={loaded.text} name={name} />;
    case "json": {
      const json = prettyJson(loaded.text);
      return (
        <div>
          {!json.valid && <p className="mb-2 text-xs text-amber-700 dark:text-amber-300">Ce fichier n&apos;est pas du JSON valide ; voici son texte brut.</p>}
          <pre className={preClass}>{json.text}</pre>
        </div>
      );
    }
    case "html":
      return (
        <div>
          <iframe
            sandbox=""
            srcDoc={loaded.text}
            title={`Aperçu isolé de ${name}`}
            className="h-[420px] w-full rounded border border-stone-200 bg-white dark:border-stone-800"
          />
          <p className="mt-2 text-xs text-stone-600 dark:text-stone-400">Aperçu isolé : aucun script de cette page ne s&apos;exécute.</p>
        </div>
      );
    default:
      return <pre className={preClass}>{loaded.text}</pre>;
  }
}
