/**
 * Offset page tokens in MLflow's format (SearchUtils.create_page_token): base64 of
 * `{"offset": N}`. Opaque to clients, but a token from a real MLflow server means the same here.
 */
import { TrackingError } from "@/lib/tracking/protocol";

export function createPageToken(offset: number): string {
  return Buffer.from(JSON.stringify({ offset }).replace(":", ": "), "utf8").toString("base64");
}

/** The offset a token stands for; no token means 0. */
export function parseStartOffset(pageToken: string | null | undefined): number {
  if (!pageToken) return 0;
  let decoded: string;
  try {
    decoded = Buffer.from(pageToken, "base64").toString("utf8");
  } catch {
    throw TrackingError.invalidParameterValue("Invalid page token, could not base64-decode");
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(decoded);
  } catch {
    throw TrackingError.invalidParameterValue(`Invalid page token, decoded value=${decoded}`);
  }
  const offset = parsed !== null && typeof parsed === "object" ? (parsed as Record<string, unknown>).offset : undefined;
  if (typeof offset !== "number" || !Number.isSafeInteger(offset) || offset < 0) {
    throw TrackingError.invalidParameterValue(`Invalid page token, parsed value=${decoded}`);
  }
  return offset;
}

/**
 * Takes one page out of `items` fetched from `offset` with one extra row (`maxResults + 1`):
 * the extra row, if present, proves there is a next page.
 */
export function pageOf<T>(items: T[], offset: number, maxResults: number): { items: T[]; nextPageToken: string | null } {
  const hasMore = items.length > maxResults;
  return {
    items: hasMore ? items.slice(0, maxResults) : items,
    nextPageToken: hasMore ? createPageToken(offset + maxResults) : null,
  };
}
