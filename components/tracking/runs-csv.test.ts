import { describe, expect, it } from "vitest";
import { runsToCsv } from "./runs-csv";

describe("runsToCsv", () => {
  it("writes one row per run with prefixed columns and RFC 4180 quoting", () => {
    const csv = runsToCsv(
      [
        { runId: "a", runName: "run, un", status: "FINISHED", startTime: 0, endTime: 1000, params: { alpha: "0.5" }, metrics: { rmse: 0.74 }, tags: { note: 'dit "oui"' } },
        { runId: "b", runName: "deux", status: "RUNNING", startTime: 0, endTime: null, params: {}, metrics: {}, tags: {} },
      ],
      { params: ["alpha"], metrics: ["rmse"], tags: ["note"] },
    );
    expect(csv.split("\r\n")).toEqual([
      "run_id,run_name,status,start_time,end_time,params.alpha,metrics.rmse,tags.note",
      'a,"run, un",FINISHED,1970-01-01T00:00:00.000Z,1970-01-01T00:00:01.000Z,0.5,0.74,"dit ""oui"""',
      "b,deux,RUNNING,1970-01-01T00:00:00.000Z,,,,",
      "",
    ]);
  });
});
