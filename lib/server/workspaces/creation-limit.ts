/**
 * How many workspaces one client may create: a token bucket per client address, holding
 * `CUVEE_WORKSPACES_PER_HOUR` tokens and refilling at that rate. A classroom behind one NAT opens
 * a few dozen workspaces in a session, far below the default; a script opening thousands is refused.
 *
 * In memory: right for one server instance. Several instances behind a load balancer would each
 * allow the full rate; sharing the buckets (database, Redis) is a separate concern.
 */

export const DEFAULT_WORKSPACES_PER_HOUR = 300;
const HOUR_MS = 3_600_000;
/** Beyond this many clients, buckets that have refilled completely are dropped (they hold no state). */
const PRUNE_ABOVE = 10_000;

export function parseWorkspacesPerHour(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === "") return DEFAULT_WORKSPACES_PER_HOUR;
  const value = Number(raw.trim());
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`CUVEE_WORKSPACES_PER_HOUR must be a whole number (0 = no limit), got "${raw}"`);
  }
  return value;
}

export type TakeResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  /** `perHour` 0 means no limit. `now` is injectable so that tests need no waiting. */
  constructor(
    private readonly perHour: number,
    private readonly now: () => number = Date.now,
  ) {}

  private refilled(bucket: Bucket, at: number): number {
    return Math.min(this.perHour, bucket.tokens + ((at - bucket.updatedAt) * this.perHour) / HOUR_MS);
  }

  /** Takes one token from `key`'s bucket, or says how long until one is back. */
  take(key: string): TakeResult {
    if (this.perHour === 0) return { allowed: true };
    const at = this.now();
    const bucket = this.buckets.get(key);
    const tokens = bucket ? this.refilled(bucket, at) : this.perHour;
    if (tokens < 1) {
      return { allowed: false, retryAfterSeconds: Math.ceil(((1 - tokens) * HOUR_MS) / this.perHour / 1000) };
    }
    this.buckets.set(key, { tokens: tokens - 1, updatedAt: at });
    if (this.buckets.size > PRUNE_ABOVE) this.prune(at);
    return { allowed: true };
  }

  private prune(at: number): void {
    for (const [key, bucket] of this.buckets) if (this.refilled(bucket, at) >= this.perHour) this.buckets.delete(key);
  }

  /** Clients currently tracked (tests, and a bound on memory). */
  get size(): number {
    return this.buckets.size;
  }
}

const LIMITER = Symbol.for("cuvee.workspaceCreationLimiter");
type Holder = { [LIMITER]?: TokenBuckets };

/** The process's limiter, configured from CUVEE_WORKSPACES_PER_HOUR on first use. */
export function workspaceCreationLimiter(): TokenBuckets {
  // On globalThis: Next may evaluate this module once per route bundle, and all must share the buckets.
  const holder = globalThis as Holder;
  return (holder[LIMITER] ??= new TokenBuckets(parseWorkspacesPerHour(process.env.CUVEE_WORKSPACES_PER_HOUR)));
}

/** Drops the process's limiter, so that the next use reads CUVEE_WORKSPACES_PER_HOUR again (tests). */
export function resetWorkspaceCreationLimiter(): void {
  delete (globalThis as Holder)[LIMITER];
}
