/**
 * The subset of `node:fs/promises` that learner code uses (readFile, writeFile, mkdir, readdir,
 * stat, rm, access, appendFile), over an in-memory tree. In the Web Worker it stands in for the
 * real file system so that the same code runs in the browser, in a WebContainer and in Node.
 * Errors carry Node's codes and messages (ENOENT, EEXIST, EISDIR, ENOTDIR).
 */

type Data = string | Uint8Array;
type Encoding = "utf8" | "utf-8";
type ReadOptions = Encoding | { encoding?: Encoding | null } | null | undefined;

function fsError(code: string, description: string, syscall: string, target: string): Error & { code: string } {
  const error = new Error(`${code}: ${description}, ${syscall} '${target}'`) as Error & { code: string; syscall: string; path: string };
  error.code = code;
  error.syscall = syscall;
  error.path = target;
  return error;
}

export function normalisePath(input: string, cwd = "/"): string {
  const raw = String(input).startsWith("file://") ? new URL(String(input)).pathname : String(input);
  const absolute = raw.startsWith("/") ? raw : `${cwd.replace(/\/$/, "")}/${raw}`;
  const parts: string[] = [];
  for (const part of absolute.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") parts.pop();
    else parts.push(part);
  }
  return `/${parts.join("/")}`;
}

function parentOf(target: string): string {
  const index = target.lastIndexOf("/");
  return index <= 0 ? "/" : target.slice(0, index);
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export class MemoryFileSystem {
  private readonly files = new Map<string, Data>();
  private readonly dirs = new Set<string>(["/"]);

  constructor(initial: Record<string, Data> = {}) {
    for (const [target, data] of Object.entries(initial)) this.put(normalisePath(target), data);
  }

  /** Writes a file, creating its parent folders (for seeding, not a Node API). */
  put(target: string, data: Data): void {
    let dir = parentOf(target);
    const missing: string[] = [];
    while (!this.dirs.has(dir)) {
      missing.push(dir);
      dir = parentOf(dir);
    }
    for (const folder of missing) this.dirs.add(folder);
    this.files.set(target, data);
  }

  /** Every file, by absolute path (to collect what the code wrote). */
  snapshot(): Map<string, Data> {
    return new Map(this.files);
  }

  readonly promises = {
    readFile: async (target: string, options?: ReadOptions): Promise<string | Uint8Array> => {
      const path = normalisePath(target);
      if (this.dirs.has(path)) throw fsError("EISDIR", "illegal operation on a directory", "read", String(target));
      const data = this.files.get(path);
      if (data === undefined) throw fsError("ENOENT", "no such file or directory", "open", String(target));
      const encoding = typeof options === "string" ? options : options?.encoding;
      if (encoding) return typeof data === "string" ? data : decoder.decode(data);
      return typeof data === "string" ? encoder.encode(data) : data;
    },

    writeFile: async (target: string, data: Data | ArrayBufferView): Promise<void> => {
      const path = normalisePath(target);
      if (this.dirs.has(path)) throw fsError("EISDIR", "illegal operation on a directory", "open", String(target));
      if (!this.dirs.has(parentOf(path))) throw fsError("ENOENT", "no such file or directory", "open", String(target));
      const stored = typeof data === "string" || data instanceof Uint8Array ? data : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      this.files.set(path, typeof stored === "string" ? stored : stored.slice());
    },

    appendFile: async (target: string, data: string): Promise<void> => {
      const path = normalisePath(target);
      const previous = this.files.get(path);
      const before = previous === undefined ? "" : typeof previous === "string" ? previous : decoder.decode(previous);
      await this.promises.writeFile(target, before + data);
    },

    mkdir: async (target: string, options?: { recursive?: boolean }): Promise<string | undefined> => {
      const path = normalisePath(target);
      if (this.files.has(path)) throw fsError("EEXIST", "file already exists", "mkdir", String(target));
      if (this.dirs.has(path)) {
        if (options?.recursive) return undefined;
        throw fsError("EEXIST", "file already exists", "mkdir", String(target));
      }
      if (!options?.recursive && !this.dirs.has(parentOf(path))) throw fsError("ENOENT", "no such file or directory", "mkdir", String(target));
      const created: string[] = [];
      let dir = path;
      while (!this.dirs.has(dir)) {
        if (this.files.has(dir)) throw fsError("ENOTDIR", "not a directory", "mkdir", String(target));
        created.push(dir);
        dir = parentOf(dir);
      }
      for (const folder of created) this.dirs.add(folder);
      return created.at(-1);
    },

    readdir: async (target: string): Promise<string[]> => {
      const path = normalisePath(target);
      if (this.files.has(path)) throw fsError("ENOTDIR", "not a directory", "scandir", String(target));
      if (!this.dirs.has(path)) throw fsError("ENOENT", "no such file or directory", "scandir", String(target));
      const prefix = path === "/" ? "/" : `${path}/`;
      const names = new Set<string>();
      for (const entry of [...this.files.keys(), ...this.dirs]) {
        if (entry !== path && entry.startsWith(prefix)) names.add(entry.slice(prefix.length).split("/")[0]!);
      }
      return [...names].sort();
    },

    stat: async (target: string): Promise<{ isFile(): boolean; isDirectory(): boolean; size: number }> => {
      const path = normalisePath(target);
      const data = this.files.get(path);
      if (data === undefined && !this.dirs.has(path)) throw fsError("ENOENT", "no such file or directory", "stat", String(target));
      const size = data === undefined ? 0 : typeof data === "string" ? encoder.encode(data).byteLength : data.byteLength;
      return { isFile: () => data !== undefined, isDirectory: () => data === undefined, size };
    },

    access: async (target: string): Promise<void> => {
      await this.promises.stat(target);
    },

    rm: async (target: string, options?: { recursive?: boolean; force?: boolean }): Promise<void> => {
      const path = normalisePath(target);
      if (this.files.delete(path)) return;
      if (!this.dirs.has(path)) {
        if (options?.force) return;
        throw fsError("ENOENT", "no such file or directory", "rm", String(target));
      }
      if (!options?.recursive) throw fsError("EISDIR", "is a directory", "rm", String(target));
      for (const file of [...this.files.keys()]) if (file.startsWith(`${path}/`)) this.files.delete(file);
      for (const dir of [...this.dirs]) if (dir === path || dir.startsWith(`${path}/`)) this.dirs.delete(dir);
      this.dirs.add("/");
    },
  };
}
