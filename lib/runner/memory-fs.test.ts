import { describe, expect, it } from "vitest";
import { MemoryFileSystem, normalisePath } from "./memory-fs";

describe("normalisePath", () => {
  it("resolves relative paths, dots and double slashes against the root", () => {
    expect(normalisePath("data.csv")).toBe("/data.csv");
    expect(normalisePath("./a//b/../c.txt")).toBe("/a/c.txt");
    expect(normalisePath("../../escape.txt")).toBe("/escape.txt");
  });
});

describe("MemoryFileSystem", () => {
  it("reads seeded files as text or bytes", async () => {
    const fs = new MemoryFileSystem({ "data/x.csv": "a,b\n1,2\n" }).promises;
    expect(await fs.readFile("data/x.csv", "utf8")).toBe("a,b\n1,2\n");
    expect(await fs.readFile("/data/x.csv", { encoding: "utf8" })).toBe("a,b\n1,2\n");
    expect(await fs.readFile("data/x.csv")).toBeInstanceOf(Uint8Array);
    expect(await fs.readdir("/")).toEqual(["data"]);
  });

  it("writes into folders made with mkdir, and lists them", async () => {
    const fs = new MemoryFileSystem().promises;
    await fs.mkdir("samples/train", { recursive: true });
    await fs.writeFile("samples/train/head.csv", "x");
    await fs.writeFile("samples/test.csv", new Uint8Array([104, 105]));
    expect(await fs.readdir("samples")).toEqual(["test.csv", "train"]);
    expect(await fs.readFile("samples/test.csv", "utf8")).toBe("hi");
    expect((await fs.stat("samples")).isDirectory()).toBe(true);
    expect((await fs.stat("samples/test.csv")).size).toBe(2);
  });

  it("fails like Node: ENOENT, EEXIST, EISDIR", async () => {
    const fs = new MemoryFileSystem({ "a.txt": "a" }).promises;
    await expect(fs.readFile("missing.txt", "utf8")).rejects.toMatchObject({ code: "ENOENT", message: "ENOENT: no such file or directory, open 'missing.txt'" });
    await expect(fs.writeFile("no/such/dir.txt", "x")).rejects.toMatchObject({ code: "ENOENT" });
    await fs.mkdir("d");
    await expect(fs.mkdir("d")).rejects.toMatchObject({ code: "EEXIST" });
    await expect(fs.readFile("d", "utf8")).rejects.toMatchObject({ code: "EISDIR" });
    await expect(fs.rm("d/none")).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("removes folders recursively only when asked", async () => {
    const fs = new MemoryFileSystem({ "out/a.txt": "a", "out/sub/b.txt": "b" }).promises;
    await expect(fs.rm("out")).rejects.toMatchObject({ code: "EISDIR" });
    await fs.rm("out", { recursive: true });
    expect(await fs.readdir("/")).toEqual([]);
  });
});
