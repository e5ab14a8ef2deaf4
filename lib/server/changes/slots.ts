/**
 * Bounds the open change streams, per workspace and in total: each holds a socket and a
 * subscription for as long as a tab stays open, so a page opened in a loop, or a crowd, must
 * meet a clear refusal instead of exhausting the server's file descriptors.
 */
import { byteLimitFromEnv } from "@/lib/server/rest";

export interface StreamLimits {
  perWorkspace: number;
  total: number;
}

/** A learner's few tabs (lesson, tracking pages) fit; a class of 200 with spare tabs fits in the total. */
export const DEFAULT_STREAM_LIMITS: StreamLimits = { perWorkspace: 16, total: 2_000 };

/** `CUVEE_CHANGE_STREAMS_PER_WORKSPACE` and `CUVEE_CHANGE_STREAMS_TOTAL`, positive integers, else the defaults. */
export function streamLimitsFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): StreamLimits {
  return {
    perWorkspace: byteLimitFromEnv("CUVEE_CHANGE_STREAMS_PER_WORKSPACE", DEFAULT_STREAM_LIMITS.perWorkspace, env),
    total: byteLimitFromEnv("CUVEE_CHANGE_STREAMS_TOTAL", DEFAULT_STREAM_LIMITS.total, env),
  };
}

export type SlotResult = { granted: true; release: () => void } | { granted: false; full: "workspace" | "server" };

export class StreamSlots {
  private readonly open = new Map<string, number>();
  private count = 0;

  constructor(readonly limits: StreamLimits) {}

  /** A slot for one more stream of the workspace, with the function that gives it back (once). */
  take(workspaceId: string): SlotResult {
    const ofWorkspace = this.open.get(workspaceId) ?? 0;
    if (ofWorkspace >= this.limits.perWorkspace) return { granted: false, full: "workspace" };
    if (this.count >= this.limits.total) return { granted: false, full: "server" };
    this.open.set(workspaceId, ofWorkspace + 1);
    this.count += 1;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      this.count -= 1;
      const left = (this.open.get(workspaceId) ?? 1) - 1;
      if (left === 0) this.open.delete(workspaceId);
      else this.open.set(workspaceId, left);
    };
    return { granted: true, release };
  }

  /** Streams open now, in total and for one workspace. */
  openStreams(workspaceId?: string): number {
    return workspaceId === undefined ? this.count : (this.open.get(workspaceId) ?? 0);
  }
}
