import { describe, expect, it } from "vitest";

import { DataFrame } from "./dataframe";
import { InvalidInputError } from "./errors";
import { Series } from "./series";

const frame = () =>
  new DataFrame([
    ["pH", [3.51, 3.2, 3.26]],
    ["alcohol", [9.4, 9.8, 9.8]],
    ["quality", [5, 5, 6]],
  ]);

describe("DataFrame", () => {
  it("drops columns and gets a column as a Series, like pandas", () => {
    const data = frame();
    const X = data.drop(["quality"]);
    const y = data.get("quality");
    expect(X.columns).toEqual(["pH", "alcohol"]);
    expect(X.shape).toEqual([3, 2]);
    expect(y).toBeInstanceOf(Series);
    expect(y.name).toBe("quality");
    expect(y.toArray()).toEqual([5, 5, 6]);
    expect([...y]).toEqual([5, 5, 6]);
    expect(data.drop("pH").columns).toEqual(["alcohol", "quality"]);
  });

  it("never changes: drop, head and take return new frames", () => {
    const data = frame();
    data.drop(["quality"]);
    data.head(1);
    const columns = data.columns;
    columns.push("intrus");
    expect(data.columns).toEqual(["pH", "alcohol", "quality"]);
    const rows = data.toArray();
    (rows[0] as number[])[0] = 99;
    expect(data.get("pH").at(0)).toBe(3.51);
  });

  it("heads and takes rows, keeping the original row labels", () => {
    const data = frame();
    expect(data.head(2).toArray()).toEqual([
      [3.51, 9.4, 5],
      [3.2, 9.8, 5],
    ]);
    expect(data.head().shape).toEqual([3, 3]);
    const taken = data.take([2, 0]);
    expect(taken.index).toEqual([2, 0]);
    expect(taken.take([1]).index).toEqual([0]);
    expect(taken.get("quality").index).toEqual([2, 0]);
    expect(data.get("quality").take([2]).index).toEqual([2]);
    expect(() => data.take([3])).toThrow("Position de ligne invalide : 3 (il y a 3 lignes, positions 0 à 2).");
  });

  it("converts to rows, arrays and CSV", () => {
    const data = frame();
    expect(data.toRows()[2]).toEqual({ pH: 3.26, alcohol: 9.8, quality: 6 });
    expect(data.toCsv()).toBe("pH,alcohol,quality\n3.51,9.4,5\n3.2,9.8,5\n3.26,9.8,6\n");
  });

  it("prints like pandas", () => {
    expect(frame().toString()).toBe(
      ["     pH  alcohol  quality", "0  3.51      9.4        5", "1   3.2      9.8        5", "2  3.26      9.8        6"].join("\n"),
    );
    const long = new DataFrame({ quality: Array.from({ length: 12 }, (_, i) => i) }).toString().split("\n");
    expect(long).toHaveLength(14);
    expect(long[6]).toBe("..      ...");
    expect(long[13]).toBe("[12 rows x 1 columns]");
    expect(new Series([5, 6], { name: "quality", index: [803, 124] }).toString()).toBe("803  5\n124  6\nName: quality, Length: 2");
  });

  it("names the missing column and lists the available ones", () => {
    expect(() => frame().get("foo")).toThrow('La colonne "foo" n\'existe pas. Colonnes disponibles : "pH", "alcohol", "quality".');
    expect(() => frame().drop(["Quality"])).toThrow(/Vouliez-vous dire "quality" \?/);
    expect(() => frame().drop(["foo"])).toThrow(InvalidInputError);
  });

  it("rejects columns of different lengths", () => {
    expect(() => new DataFrame({ a: [1, 2], b: [1] })).toThrow(
      'La colonne "b" a 1 valeurs alors que la colonne "a" en a 2 : toutes les colonnes doivent avoir le même nombre de lignes.',
    );
  });
});
