import { BLOC_DATA_FILES } from "@/lib/runner/bloc-data";

/**
 * The course data files learner code reads beside its own (`red-wine-quality.csv`), fetched
 * from `/data/`. They never change while the page is open: fetched once, on the first run.
 */
let dataFiles: Promise<Record<string, string>> | undefined;

export function loadDataFiles(): Promise<Record<string, string>> {
  dataFiles ??= fetchDataFiles();
  // A failed download is not kept: the next run tries again.
  dataFiles.catch(() => (dataFiles = undefined));
  return dataFiles;
}

async function fetchDataFiles(): Promise<Record<string, string>> {
  const entries = await Promise.all(
    BLOC_DATA_FILES.map(async (name) => {
      const response = await fetch(`/data/${name}`);
      if (!response.ok) throw new Error(`Impossible de charger ${name} (HTTP ${response.status}).`);
      return [name, await response.text()] as const;
    }),
  );
  return Object.fromEntries(entries);
}
