/** CPU time and memory of the server's process tree, from /proc (Linux). */
import { readdirSync, readFileSync } from "node:fs";

const TICKS_PER_SECOND = 100;

function statFields(file: string): string[] {
  // The command name, in parentheses, may hold spaces: fields are counted after it.
  const text = readFileSync(file, "utf8");
  return text.slice(text.lastIndexOf(")") + 2).split(" ");
}

/** utime + stime in seconds (fields 14 and 15 of stat, 12 and 13 after the name). */
function cpuSeconds(file: string): number {
  const fields = statFields(file);
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (Number(statFields(`/proc/${entry}/stat`)[1]) === pid) out.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

function tree(pid: number): number[] {
  return [pid, ...childrenOf(pid).flatMap(tree)];
}

export interface Usage {
  /** The whole tree's CPU seconds. */
  cpu: number;
  /** The CPU seconds of the process serving HTTP's main thread (the event loop). */
  mainThread: number;
  /** Resident memory of the tree (bytes). */
  rss: number;
}

/** The serving process: the deepest in the tree (next start may fork its server). */
export function usage(rootPid: number): Usage {
  const pids = tree(rootPid);
  let cpu = 0;
  let rss = 0;
  for (const pid of pids) {
    try {
      cpu += cpuSeconds(`/proc/${pid}/stat`);
      const vmRss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      rss += Number(vmRss?.[1] ?? 0) * 1024;
    } catch {
      // gone meanwhile
    }
  }
  const server = pids.at(-1) ?? rootPid;
  let mainThread = 0;
  try {
    mainThread = cpuSeconds(`/proc/${server}/task/${server}/stat`);
  } catch {
    mainThread = Number.NaN;
  }
  return { cpu, mainThread, rss };
}
