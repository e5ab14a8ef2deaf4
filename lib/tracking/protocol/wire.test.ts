import { describe, expect, it } from "vitest";
import { ERROR_CODE_TO_HTTP_STATUS, TrackingError, httpStatusForCode } from "./errors";
import { RunSchema } from "./entities";
import { LogMetricRequestSchema, SearchRunsRequestSchema } from "./runs";
import { double, doubleToWire, experimentId, int64, runStatus, viewType } from "./wire";

describe("wire coercions (protobuf JSON's leniency)", () => {
  it("int64 takes numbers and integer strings", () => {
    expect(int64.parse(12)).toBe(12);
    expect(int64.parse("1700000000000")).toBe(1_700_000_000_000);
    expect(int64.safeParse("1.5").success).toBe(false);
    expect(int64.safeParse(1.5).success).toBe(false);
    expect(int64.safeParse("abc").success).toBe(false);
  });

  it("double takes numbers, numeric strings and NaN/Infinity spelled out", () => {
    expect(double.parse(0.5)).toBe(0.5);
    expect(double.parse("0.25")).toBe(0.25);
    expect(double.parse("NaN")).toBeNaN();
    expect(double.parse("-Infinity")).toBe(-Infinity);
    expect(double.safeParse("high").success).toBe(false);
    expect([Number.NaN, Infinity, -Infinity, 2].map(doubleToWire)).toEqual(["NaN", "Infinity", "-Infinity", 2]);
  });

  it("enums take names or numbers; experiment ids are strings", () => {
    expect(viewType.parse("ALL")).toBe("ALL");
    expect(viewType.parse(2)).toBe("DELETED_ONLY");
    expect(viewType.parse("1")).toBe("ACTIVE_ONLY");
    expect(runStatus.parse(3)).toBe("FINISHED");
    expect(runStatus.safeParse("DONE").success).toBe(false);
    expect(experimentId.parse(0)).toBe("0");
  });

  it("request schemas coerce, response schemas fill omitted lists", () => {
    expect(LogMetricRequestSchema.parse({ run_id: "r", key: "k", value: "NaN", timestamp: "5" })).toMatchObject({ timestamp: 5 });
    expect(SearchRunsRequestSchema.parse({ experiment_ids: [1, "2"] }).experiment_ids).toEqual(["1", "2"]);
    const run = RunSchema.parse({
      info: { run_id: "r", run_uuid: "r", experiment_id: "0", status: "RUNNING", lifecycle_stage: "active" },
      data: { metrics: [{ key: "m", value: "NaN", timestamp: 1 }] },
      inputs: {},
    });
    expect(run.data.params).toEqual([]);
    expect(run.data.metrics[0]?.step).toBe(0);
    expect(run.inputs.dataset_inputs).toEqual([]);
  });
});

describe("TrackingError", () => {
  it("carries MLflow's code and status, and serialises as MLflow's body", () => {
    const error = TrackingError.resourceDoesNotExist("gone");
    expect(error.httpStatus).toBe(404);
    expect(JSON.parse(JSON.stringify(error))).toEqual({ error_code: "RESOURCE_DOES_NOT_EXIST", message: "gone" });
    expect(ERROR_CODE_TO_HTTP_STATUS.RESOURCE_ALREADY_EXISTS).toBe(400);
    expect(httpStatusForCode("SOMETHING_ELSE")).toBe(500);
  });

  it("is rebuilt from a server's body", () => {
    const error = TrackingError.fromBody({ error_code: "INVALID_PARAMETER_VALUE", message: "bad" }, 400);
    expect(error).toMatchObject({ errorCode: "INVALID_PARAMETER_VALUE", message: "bad", httpStatus: 400 });
    expect(TrackingError.fromBody("<html>", 502)).toMatchObject({ errorCode: "INTERNAL_ERROR", httpStatus: 502 });
  });
});
