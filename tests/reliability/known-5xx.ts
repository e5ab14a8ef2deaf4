/**
 * The 5xx answers today's server is known to give, issue #14 "Hardening". Each entry names a
 * family of requests the fuzzer draws; a 5xx on any other request fails the suite. Remove an entry
 * when its fix lands: the suite then holds the fix in place.
 */
import type { FuzzRequest } from "./fuzz";

export interface Known5xx {
  id: string;
  issue: string;
  why: string;
  matches(request: FuzzRequest): boolean;
}

/** A `%` not followed by two hex digits, or escapes that do not decode to UTF-8. */
function hasMalformedEscape(path: string): boolean {
  if (/%(?![0-9A-Fa-f]{2})/.test(path)) return true;
  try {
    decodeURIComponent(path.split("?")[0]!);
    return false;
  } catch {
    return true;
  }
}

/** A segment of the artifact path (in the URL path or `?path=`) over 255 bytes once decoded. */
function hasOverLongArtifactName(path: string): boolean {
  const url = new URL(path, "http://x");
  const segments = [...url.pathname.split("/"), ...(url.searchParams.get("path") ?? "").split("/")];
  return segments.some((segment) => {
    let decoded = segment;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      // left as is: the malformed-escape entry covers it
    }
    return decoded.split("/").some((part) => Buffer.byteLength(part) > 255);
  });
}

export const KNOWN_5XX: readonly Known5xx[] = [
  {
    id: "malformed-percent-encoding",
    issue: "#14",
    why: "Next.js answers 500 when a path segment does not percent-decode (`/api/2.0/mlflow/%zz`).",
    matches: (r) => hasMalformedEscape(r.path),
  },
  {
    id: "artifact-name-too-long",
    issue: "#14",
    why: "Artifact names over 255 bytes reach the file system: ENAMETOOLONG becomes a 500.",
    matches: (r) => r.path.includes("/mlflow-artifacts/") && hasOverLongArtifactName(r.path),
  },
  {
    id: "artifact-put-conflict",
    issue: "#14",
    why: "An artifact PUT onto a folder (EISDIR) or under a file (EEXIST/ENOTDIR) becomes a 500.",
    matches: (r) => r.family === "artifacts/put-conflict",
  },
  {
    id: "runs-search-many-experiment-ids",
    issue: "#14",
    why: "runs/search with ~1000 experiment_ids exceeds the database's bound-parameter limit: 500.",
    matches: (r) => r.family === "runs-search/many-experiment-ids",
  },
  {
    id: "trace-method",
    issue: "#14 (found by this fuzzer)",
    why: "A TRACE request to an API route gets Next.js's 500 instead of a 405.",
    matches: (r) => r.method === "TRACE",
  },
];

export function known5xx(request: FuzzRequest): Known5xx | undefined {
  return KNOWN_5XX.find((entry) => entry.matches(request));
}
