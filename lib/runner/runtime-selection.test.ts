import { describe, expect, it } from "vitest";
import { decideRuntime } from "./runtime-selection";
import { detectWebContainerSupport } from "./webcontainer-support";

const isolated = { supported: true } as const;

describe("detectWebContainerSupport", () => {
  it("needs a browser page, cross-origin isolated, with SharedArrayBuffer", () => {
    expect(detectWebContainerSupport({})).toEqual({ supported: false, reason: "not-a-browser" });
    expect(detectWebContainerSupport({ window: {}, document: {}, crossOriginIsolated: false, SharedArrayBuffer })).toEqual({ supported: false, reason: "not-isolated" });
    expect(detectWebContainerSupport({ window: {}, document: {}, crossOriginIsolated: true })).toEqual({ supported: false, reason: "no-shared-array-buffer" });
    expect(detectWebContainerSupport({ window: {}, document: {}, crossOriginIsolated: true, SharedArrayBuffer })).toEqual({ supported: true });
  });
});

describe("decideRuntime", () => {
  it("honours an explicit choice of the worker", () => {
    expect(decideRuntime("worker", isolated, "ready")).toEqual({ kind: "worker", reason: "Vous avez choisi le bac à sable du navigateur." });
  });

  it("falls back to the worker, saying why, when the page cannot host a WebContainer", () => {
    const decision = decideRuntime("webcontainer", { supported: false, reason: "not-isolated" }, "not-started");
    expect(decision).toMatchObject({ kind: "worker", reason: expect.stringContaining("pas isolée") });
  });

  it("never makes an automatic run wait for the boot, but an explicit choice waits", () => {
    expect(decideRuntime("auto", isolated, "booting")).toMatchObject({ kind: "worker", reason: expect.stringContaining("en cours de démarrage") });
    expect(decideRuntime("webcontainer", isolated, "booting")).toEqual({ kind: "wait-for-boot" });
    expect(decideRuntime("webcontainer", isolated, "not-started")).toEqual({ kind: "wait-for-boot" });
  });

  it("uses a booted WebContainer, and says 'hors ligne' after a boot that timed out", () => {
    expect(decideRuntime("auto", isolated, "ready").kind).toBe("webcontainer");
    expect(decideRuntime("webcontainer", isolated, "timed-out")).toEqual({
      kind: "worker",
      reason: "WebContainer indisponible hors ligne : exécution dans le bac à sable du navigateur.",
    });
    expect(decideRuntime("auto", isolated, "failed").kind).toBe("worker");
  });
});
