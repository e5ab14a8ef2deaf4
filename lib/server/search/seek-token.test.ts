import { describe, expect, it } from "vitest";
import { TrackingError } from "@/lib/tracking/protocol";
import { createPageToken } from "./page-token";
import { createSeekToken, parsePageStart } from "./seek-token";

describe("seek tokens", () => {
  const order = "metric.rmse ASC, attribute.start_time DESC, attribute.run_id ASC";

  it("round-trip the key they were made with", () => {
    const token = createSeekToken([0, 0.25, "1700000000000", "abc"], order);
    expect(parsePageStart(token, order)).toEqual({ kind: "after", values: [0, 0.25, "1700000000000", "abc"] });
  });

  it("start at the beginning without a token, and read MLflow's offset tokens", () => {
    expect(parsePageStart(undefined, order)).toEqual({ kind: "offset", offset: 0 });
    expect(parsePageStart(createPageToken(200), order)).toEqual({ kind: "offset", offset: 200 });
  });

  it("refuse a token made for another order, or malformed", () => {
    const other = createSeekToken([1, "x"], "attribute.start_time DESC, attribute.run_id ASC");
    expect(() => parsePageStart(other, order)).toThrow(/another order_by/);
    for (const token of [
      Buffer.from("not json").toString("base64"),
      Buffer.from(JSON.stringify({ after: "x", order })).toString("base64"),
      Buffer.from(JSON.stringify({ after: [null], order })).toString("base64"),
      Buffer.from(JSON.stringify({ after: [{}], order })).toString("base64"),
      Buffer.from(JSON.stringify({ offset: -1 })).toString("base64"),
    ]) {
      expect(() => parsePageStart(token, order)).toThrow(TrackingError);
    }
  });
});
