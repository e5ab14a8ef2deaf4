/**
 * The learner's files, as the SDK reads and writes them: through `node:fs/promises`, imported
 * only when a file is touched (as lib/data/file-system.ts does). In Node and a WebContainer it is
 * the real disk; in the browser sandbox the bundler aliases it to the run's in-memory files.
 * Only the subset both offer is used: readFile, writeFile, mkdir, readdir, stat (mkdtemp when
 * it exists).
 */

type FsPromises = typeof import("node:fs/promises");

async function fs(): Promise<FsPromises> {
  return import("node:fs/promises");
}

/** Joins POSIX path segments, dropping empty ones (`join("a/", "b")` → `a/b`). */
export function joinPath(...segments: (string | undefined)[]): string {
  const parts = segments.filter((segment): segment is string => segment !== undefined && segment !== "");
  if (parts.length === 0) return "";
  const joined = parts.map((part, i) => (i === 0 ? part.replace(/\/+$/, "") : part.replace(/^\/+|\/+$/g, ""))).join("/");
  return joined === "" ? "/" : joined;
}

/** The last segment of a path (`os.path.basename`). */
export function baseName(path: string): string {
  const trimmed = path.replace(/\/+$/, "");
  return trimmed.slice(trimmed.lastIndexOf("/") + 1);
}

export async function readBytes(path: string): Promise<Uint8Array> {
  const data = (await (await fs()).readFile(path)) as unknown;
  return typeof data === "string" ? new TextEncoder().encode(data) : (data as Uint8Array);
}

export async function readText(path: string): Promise<string> {
  return (await (await fs()).readFile(path, "utf8")) as string;
}

export async function writeBytes(path: string, data: Uint8Array | string): Promise<void> {
  const files = await fs();
  const parent = path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "";
  if (parent !== "") await files.mkdir(parent, { recursive: true });
  await files.writeFile(path, data);
}

export async function makeDirectory(path: string): Promise<void> {
  await (await fs()).mkdir(path, { recursive: true });
}

export async function isDirectory(path: string): Promise<boolean> {
  return (await (await fs()).stat(path)).isDirectory();
}

/** Every file under `root`, as paths relative to it (`a.txt`, `sub/b.csv`), sorted. */
export async function listFilesRecursively(root: string): Promise<string[]> {
  const files = await fs();
  const found: string[] = [];
  const walk = async (relative: string): Promise<void> => {
    const names = ((await files.readdir(joinPath(root, relative) || ".")) as string[]).slice().sort();
    for (const name of names) {
      const child = relative === "" ? name : `${relative}/${name}`;
      if ((await files.stat(joinPath(root, child))).isDirectory()) await walk(child);
      else found.push(child);
    }
  };
  await walk("");
  return found;
}

/** A fresh, empty folder for downloads (`tempfile.mkdtemp`): the OS temp folder in Node, `/tmp` in the sandbox. */
export async function makeTemporaryDirectory(prefix: string): Promise<string> {
  const files = await fs();
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const base = (env?.TMPDIR ?? env?.TEMP ?? "/tmp").replace(/\/+$/, "");
  if (typeof files.mkdtemp === "function") {
    await files.mkdir(base, { recursive: true });
    return files.mkdtemp(`${base}/${prefix}`);
  }
  const path = `${base}/${prefix}${Math.random().toString(36).slice(2, 10)}`;
  await files.mkdir(path, { recursive: true });
  return path;
}
