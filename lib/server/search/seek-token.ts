/**
 * Keyset ("seek") page tokens: the sort key of the last row a page showed, so that the next page
 * starts strictly after it. MLflow's offset tokens (`{"offset": N}`) count rows: a run inserted
 * ahead of the offset between two pages shifts every later row by one, and the next page shows
 * again a run already seen (or skips one when a run goes away). A key never moves: a new run
 * lands before or after it and each run is shown once. The sort key ends with the run id, unique,
 * so "after" is always well defined.
 *
 * A token names the order it was made for; reused with another order_by it is refused rather
 * than misread. An offset token (from a real MLflow server, or an older Cuvée) is still accepted.
 */
import { TrackingError } from "@/lib/tracking/protocol";
import { parseStartOffset } from "./page-token";

/** One value of a sort key, as JSON carries it (big integers as decimal strings). */
export type SeekValue = number | string;

export type PageStart = { kind: "offset"; offset: number } | { kind: "after"; values: SeekValue[] };

interface SeekTokenBody {
  after: SeekValue[];
  order: string;
}

export function createSeekToken(values: readonly SeekValue[], order: string): string {
  const body: SeekTokenBody = { after: [...values], order };
  return Buffer.from(JSON.stringify(body), "utf8").toString("base64");
}

function invalidToken(decoded: string): TrackingError {
  return TrackingError.invalidParameterValue(`Invalid page token, parsed value=${decoded}`);
}

/**
 * Where a page starts: the beginning (no token), an offset (MLflow's token) or after a key made
 * for `order` (the caller checks its values against its columns).
 */
export function parsePageStart(pageToken: string | null | undefined, order: string): PageStart {
  if (!pageToken) return { kind: "offset", offset: 0 };
  const decoded = Buffer.from(pageToken, "base64").toString("utf8");
  let parsed: unknown;
  try {
    parsed = JSON.parse(decoded);
  } catch {
    throw TrackingError.invalidParameterValue(`Invalid page token, decoded value=${decoded}`);
  }
  if (parsed === null || typeof parsed !== "object" || !("after" in parsed)) {
    return { kind: "offset", offset: parseStartOffset(pageToken) };
  }
  const { after, order: tokenOrder } = parsed as Partial<SeekTokenBody>;
  if (
    !Array.isArray(after) ||
    !after.every((v) => typeof v === "string" || (typeof v === "number" && Number.isFinite(v)))
  ) {
    throw invalidToken(decoded);
  }
  if (tokenOrder !== order) {
    throw TrackingError.invalidParameterValue("Invalid page token: it was made for another order_by; start again without page_token.");
  }
  return { kind: "after", values: after };
}
