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

// Empty: every family the fuzzer first found answering 5xx is fixed. A new entry needs an issue.
export const KNOWN_5XX: readonly Known5xx[] = [];

export function known5xx(request: FuzzRequest): Known5xx | undefined {
  return KNOWN_5XX.find((entry) => entry.matches(request));
}
