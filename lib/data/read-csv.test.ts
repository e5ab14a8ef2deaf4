import { fileURLToPath } from "node:url";

import { describe, expect, it } from "vitest";

import { readCsv } from "./read-csv";

const WINE_CSV_PATH = fileURLToPath(new URL("../../public/data/red-wine-quality.csv", import.meta.url));

describe("readCsv", () => {
  it("reads a file from disk through node:fs/promises", async () => {
    const data = await readCsv(WINE_CSV_PATH);
    expect(data.shape).toEqual([1599, 12]);
    const X = data.drop(["quality"]);
    const y = data.get("quality");
    expect(X.shape).toEqual([1599, 11]);
    expect(y.head(3).toArray()).toEqual([5, 5, 5]);
  });

  it("reads through an injected reader (the browser runner's file system)", async () => {
    const files = new Map([["red-wine-quality.csv", "pH,quality\n3.51,5\n"]]);
    const data = await readCsv("red-wine-quality.csv", {
      readFile: async (path) => files.get(path) ?? Promise.reject(Object.assign(new Error("nope"), { code: "ENOENT" })),
    });
    expect(data.toRows()).toEqual([{ pH: 3.51, quality: 5 }]);
    await expect(readCsv("autre.csv", { readFile: async () => Promise.reject(Object.assign(new Error(), { code: "ENOENT" })) })).rejects.toThrow(
      'Fichier introuvable : "autre.csv". Vérifiez son nom et son dossier.',
    );
  });

  it("explains a missing file", async () => {
    await expect(readCsv("/nulle/part/red-wine-quality.csv")).rejects.toThrow(/Fichier introuvable/);
  });
});
