import { describe, expect, it } from "vitest";
import { isTextual, previewKind } from "./preview-kind";

describe("previewKind", () => {
  it("knows MLflow's files and common extensions, case-insensitively", () => {
    expect(previewKind("MLmodel")).toBe("yaml");
    expect(previewKind("conda.yaml")).toBe("yaml");
    expect(previewKind("requirements.txt")).toBe("text");
    expect(previewKind("metrics.JSON")).toBe("json");
    expect(previewKind("predictions.csv")).toBe("csv");
    expect(previewKind("residus.svg")).toBe("svg");
    expect(previewKind("report.html")).toBe("html");
    expect(previewKind("plot.PNG")).toBe("image");
  });

  it("offers nothing but download for unknown or extension-less files", () => {
    expect(previewKind("model.pkl")).toBe("none");
    expect(previewKind("LICENSE")).toBe("none");
    expect(previewKind(".hidden")).toBe("none");
  });

  it("fetches text kinds only; SVG and images load through <img>", () => {
    expect(isTextual("html")).toBe(true);
    expect(isTextual("svg")).toBe(false);
    expect(isTextual("image")).toBe(false);
  });
});
