/// <reference lib="webworker" />
/**
 * The Web Worker sandbox: one fresh worker per run. It receives the learner's files, provides
 * the modules learner code may import, streams console output, reports errors with the
 * learner's file and line, and flushes the SDK before saying it is done. The page enforces the
 * time limit and Stop by terminating the worker, so nothing here needs to be cooperative.
 */
import * as cuveeData from "@/lib/data";
import * as cuveeMl from "@/lib/ml";
import * as cuveePlot from "@/lib/plot";
import * as mlflow from "@/lib/tracking";
import * as sdkHooks from "@/lib/tracking/runner-hooks";
import browserFs, { installBrowserFileSystem } from "./browser-fs";
import { describeError } from "./describe-error";
import { formatConsoleArgs } from "./inspect";
import { MemoryFileSystem } from "./memory-fs";
import { ModuleSystem } from "./module-system";
import type { FromSandbox, ToSandbox } from "./sandbox-protocol";
import type { ConsoleLevel, RunRequest } from "./types";

const scope = self as unknown as DedicatedWorkerGlobalScope;

function send(message: FromSandbox): void {
  scope.postMessage(message);
}

function captureConsole(): void {
  const levels: ConsoleLevel[] = ["log", "info", "warn", "error", "debug"];
  for (const level of levels) {
    console[level] = (...args: unknown[]) => send({ type: "console", level, text: formatConsoleArgs(args) });
  }
}

async function run(request: RunRequest): Promise<boolean> {
  const fs = new MemoryFileSystem(request.files);
  installBrowserFileSystem(fs.promises);
  sdkHooks.resetFluentState();
  sdkHooks.setRuntimeDefaultTrackingUri(request.trackingUri);
  sdkHooks.setRuntimeContext({ user: "apprenant", sourceName: request.entry });

  const modules = new ModuleSystem(request.files, {
    mlflow,
    "cuvee/data": cuveeData,
    "cuvee/ml": cuveeMl,
    "cuvee/plot": cuveePlot,
    "node:fs/promises": browserFs,
    "fs/promises": browserFs,
  });

  let ok = true;
  try {
    await modules.runEntry(request.entry);
  } catch (error) {
    ok = false;
    send({ type: "error", error: describeError(error) });
  }
  const lateErrors = await sdkHooks.finishScript({ failed: !ok });
  for (const error of lateErrors) {
    ok = false;
    send({ type: "error", error: describeError(error) });
  }
  return ok;
}

captureConsole();

scope.addEventListener("unhandledrejection", (event) => {
  event.preventDefault();
  send({ type: "error", error: describeError(event.reason) });
});

scope.addEventListener("message", (event: MessageEvent<ToSandbox>) => {
  if (event.data?.type !== "run") return;
  void run(event.data.request).then((ok) => send({ type: "done", ok }));
});
