import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

import { describe, expect, it } from "vitest";

import { InvalidInputError } from "./errors";
import { parseCsv } from "./parse-csv";

const WINE_CSV = readFileSync(fileURLToPath(new URL("../../public/data/red-wine-quality.csv", import.meta.url)), "utf8");

describe("parseCsv on the course file", () => {
  const data = parseCsv(WINE_CSV);

  it("reads 1599 rows of 12 named columns", () => {
    expect(data.shape).toEqual([1599, 12]);
    expect(data.columns).toEqual([
      "fixed acidity", "volatile acidity", "citric acid", "residual sugar", "chlorides", "free sulfur dioxide",
      "total sulfur dioxide", "density", "pH", "sulphates", "alcohol", "quality",
    ]);
  });

  it("reads every cell exactly as parseFloat of its text", () => {
    const lines = WINE_CSV.trimEnd().split("\n").slice(1);
    const rows = data.toArray();
    lines.forEach((line, r) => expect(rows[r]).toEqual(line.split(",").map((text) => parseFloat(text))));
    // The file's quirks (see public/data/red-wine-quality.README.md).
    expect(data.get("alcohol").at(1359)).toBe(10.0333333333333);
    expect(data.get("sulphates").at(151)).toBe(2);
  });

  it("gives the column means everybody knows (to 6 decimals)", () => {
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    expect(mean(data.get("quality").toArray())).toBeCloseTo(5.636023, 6);
    expect(mean(data.get("alcohol").toArray())).toBeCloseTo(10.422983, 6);
    expect(mean(data.get("density").toArray())).toBeCloseTo(0.996747, 6);
  });
});

describe("parseCsv details", () => {
  it("skips blank lines, strips a BOM and reads missing values as NaN like pandas", () => {
    const data = parseCsv("\uFEFFa,b\n1,\n\nNA,2.5e3\n-inf,+3\n");
    expect(data.columns).toEqual(["a", "b"]);
    expect(data.toArray()).toEqual([
      [1, Number.NaN],
      [Number.NaN, 2500],
      [Number.NEGATIVE_INFINITY, 3],
    ]);
  });

  it("supports another delimiter and quoted headers", () => {
    expect(parseCsv('"fixed acidity";"pH"\n7.4;3.51', { delimiter: ";" }).toRows()).toEqual([
      { "fixed acidity": 7.4, pH: 3.51 },
    ]);
  });

  it("reads a header-only file as an empty frame", () => {
    expect(parseCsv("a,b\n").shape).toEqual([0, 2]);
  });

  it("rejects a ragged row, naming its line", () => {
    expect(() => parseCsv("a,b,c\n1,2,3\n4,5\n")).toThrow(
      "Ligne 3 du CSV : 2 valeurs au lieu de 3 (autant que de colonnes dans l'en-tête). Vérifiez le séparateur et les virgules de cette ligne.",
    );
    expect(() => parseCsv("a,b\n1,2,3\n")).toThrow(InvalidInputError);
  });

  it("rejects text that is not a number, naming the line and the column", () => {
    expect(() => parseCsv("a,pH\n1,2\n3,acide\n")).toThrow(/Ligne 3 du CSV, colonne "pH" : "acide" n'est pas un nombre/);
    expect(() => parseCsv("a\n1,5\n")).toThrow(InvalidInputError);
    expect(() => parseCsv("a\n0x10\n")).toThrow(/"0x10" n'est pas un nombre/);
  });

  it("rejects an empty file, duplicate or empty column names and broken quotes", () => {
    expect(() => parseCsv("")).toThrow("Le fichier CSV est vide : il faut au moins une ligne d'en-tête.");
    expect(() => parseCsv("a,a\n1,2\n")).toThrow('La colonne "a" apparaît deux fois.');
    expect(() => parseCsv("a,\n1,2\n")).toThrow(/nom non vide/);
    expect(() => parseCsv('a,b\n"1,2\n')).toThrow(/guillemets/);
  });
});
