import { describe, expect, it } from "vitest";
import { TrackingError } from "./errors";
import {
  posixNormpath,
  validateBatchLogLimits,
  validateExperimentName,
  validateKeyName,
  validateMetric,
  validateParam,
  validateRunId,
  validateTag,
} from "./limits";

function messageOf(fn: () => void): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(TrackingError);
    expect((error as TrackingError).errorCode).toBe("INVALID_PARAMETER_VALUE");
    return (error as TrackingError).message;
  }
  throw new Error("expected a TrackingError");
}

describe("posixNormpath (Python's posixpath.normpath)", () => {
  it.each([
    ["", "."],
    ["a/b", "a/b"],
    ["a//b/./c/", "a/b/c"],
    ["a/../b", "b"],
    ["../a", "../a"],
    ["/../a", "/a"],
    ["//a", "//a"],
    ["///a", "/a"],
    ["a/..", "."],
  ])("%j → %j", (input, expected) => {
    expect(posixNormpath(input)).toBe(expected);
  });
});

describe("key names", () => {
  it("accepts MLflow's characters, including non-ASCII letters (Python's \\w is Unicode)", () => {
    for (const key of ["rmse", "train/loss", "my key", "a.b-c_d", "précision", "r2", ".a", "a..b"]) {
      expect(() => validateKeyName("metric", key)).not.toThrow();
    }
  });

  it("rejects other characters and path-like aliases with MLflow's messages", () => {
    expect(messageOf(() => validateKeyName("parameter", "a$b"))).toBe(
      "Invalid parameter name: 'a$b'. Names may only contain alphanumerics, underscores (_), dashes (-), periods (.), spaces ( ), and slashes (/).",
    );
    for (const key of ["../a", "/a", "a/", "a//b", "./a", ".", "", "..", "..a"]) {
      expect(messageOf(() => validateKeyName("tag", key))).toContain("Names may be treated as files in certain cases");
    }
  });
});

describe("values and lengths", () => {
  it("limits keys to 250, params to 6000, tags to 5000", () => {
    expect(() => validateParam("k".repeat(250), "v".repeat(6000))).not.toThrow();
    expect(messageOf(() => validateParam("k".repeat(251), "v"))).toMatch(/^Param key 'k{250}' had length 251, which exceeded length limit of 250$/);
    expect(messageOf(() => validateParam("k", "v".repeat(6001)))).toContain("had length 6001, which exceeded length limit of 6000");
    expect(messageOf(() => validateTag("k", "v".repeat(5001)))).toContain("Tag value");
  });

  it("checks metric values, timestamps and steps", () => {
    expect(() => validateMetric({ key: "m", value: Number.NaN, timestamp: 0, step: -3 })).not.toThrow();
    expect(messageOf(() => validateMetric({ key: "m", value: 1, timestamp: -1, step: 0 }))).toContain("Timestamp must be a nonnegative long");
    expect(messageOf(() => validateMetric({ key: "m", value: 1, timestamp: 1.5, step: 0 }))).toContain("Got invalid timestamp 1.5");
    expect(messageOf(() => validateMetric({ key: "m", value: 1, timestamp: 1, step: 0.5 }))).toContain("Step must be a valid long");
  });

  it("checks experiment names and run ids", () => {
    expect(messageOf(() => validateExperimentName(""))).toBe("Invalid experiment name: ''");
    expect(messageOf(() => validateRunId("bad id"))).toBe("Invalid run ID: 'bad id'");
    expect(() => validateRunId("0123456789abcdef0123456789abcdef")).not.toThrow();
  });

  it("bounds log-batch sizes", () => {
    expect(() => validateBatchLogLimits({ metrics: 1000, params: 0, tags: 0 })).not.toThrow();
    expect(messageOf(() => validateBatchLogLimits({ metrics: 900, params: 100, tags: 1 }))).toContain(
      "at most 1000 metrics, params, and tags. Got 1001",
    );
  });
});
