import { describe, expect, it } from "vitest";
import { readSavedEdits, savedFilesKey, singleFileKey, writeSavedEdits, type SavedFilesStorage } from "./saved-files";

/** localStorage's contract on a Map: what the hook reads and writes, nothing more. */
function memoryStorage(initial: Record<string, string> = {}): SavedFilesStorage & { entries: Map<string, string> } {
  const entries = new Map(Object.entries(initial));
  return {
    entries,
    getItem: (key) => entries.get(key) ?? null,
    setItem: (key, value) => void entries.set(key, value),
    removeItem: (key) => void entries.delete(key),
  };
}

const start = { "main.ts": "start\n" };

describe("saved files", () => {
  it("reads back what was written, per bloc and per file", () => {
    const storage = memoryStorage();
    writeSavedEdits(storage, 15, { "main.ts": "mine\n", "sklearn-wrapper.ts": "wrapper\n" });
    writeSavedEdits(storage, 14, { "main.ts": "other bloc\n" });
    expect(readSavedEdits(storage, 15, "main.ts", start)).toEqual({ "main.ts": "mine\n", "sklearn-wrapper.ts": "wrapper\n" });
    expect(readSavedEdits(storage, 14, "main.ts", start)).toEqual({ "main.ts": "other bloc\n" });
  });

  it("migrates the single-file key: the saved main.ts becomes the entry's edit, under the new key only", () => {
    const storage = memoryStorage({ [singleFileKey(3, "main.ts")]: "my saved main\n", [singleFileKey(4, "main.ts")]: "bloc 4\n" });
    expect(readSavedEdits(storage, 3, "main.ts", start)).toEqual({ "main.ts": "my saved main\n" });
    expect(storage.entries.get(savedFilesKey(3))).toBe(JSON.stringify({ "main.ts": "my saved main\n" }));
    expect(storage.entries.has(singleFileKey(3, "main.ts"))).toBe(false);
    // Read again (after the migration): the same text, and another bloc's key is untouched.
    expect(readSavedEdits(storage, 3, "main.ts", start)).toEqual({ "main.ts": "my saved main\n" });
    expect(storage.entries.get(singleFileKey(4, "main.ts"))).toBe("bloc 4\n");
  });

  it("prefers the new key over a leftover single-file key", () => {
    const storage = memoryStorage({ [savedFilesKey(3)]: JSON.stringify({ "main.ts": "new\n" }), [singleFileKey(3, "main.ts")]: "old\n" });
    expect(readSavedEdits(storage, 3, "main.ts", start)).toEqual({ "main.ts": "new\n" });
  });

  it("starts from the bloc's files when nothing or something unreadable is saved", () => {
    expect(readSavedEdits(memoryStorage(), 3, "main.ts", start)).toEqual({});
    expect(readSavedEdits(memoryStorage({ [savedFilesKey(3)]: "{not json" }), 3, "main.ts", start)).toEqual({});
    expect(readSavedEdits(memoryStorage({ [savedFilesKey(3)]: JSON.stringify({ "main.ts": 42 }) }), 3, "main.ts", start)).toEqual({});
  });
});
