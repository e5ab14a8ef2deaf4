/// <reference lib="webworker" />
/**
 * The Web Worker sandbox: one fresh worker per run. It receives the learner's files, provides
 * the modules learner code may import, streams console output, reports errors with the
 * learner's file and line, and flushes the SDK before saying it is done. The page enforces the
 * time limit and Stop by terminating the worker, so nothing here needs to be cooperative.
 */
import * as cuveeData from "@/lib/data";
import { learnerModuleTable } from "@/lib/learner-modules";
import * as cuveeMl from "@/lib/ml";
import * as cuveePlot from "@/lib/plot";
import * as mlflow from "@/lib/tracking";
import browserFs, { installBrowserFileSystem } from "./browser-fs";
import { describeError } from "./describe-error";
import { formatConsoleArgs } from "./inspect";
import { MemoryFileSystem } from "./memory-fs";
import { CAPTURED_CONSOLE_LEVELS, runScript } from "./run-script";
import { absoluteNow, collectTimings, recordSpan, takeSpans, timeFetches, timeKit } from "./run-timings";
import { restrictFetch } from "./sandbox-network";
import type { ToWorkerFromFrame } from "./sandbox-frame-protocol";
import type { FromSandbox, ToSandbox } from "./sandbox-protocol";
import type { RunRequest } from "./types";
import { warmUpSandbox } from "./sandbox-warm-up";
import { lockDownWorkerScope } from "./worker-lockdown";

const scope = self as unknown as DedicatedWorkerGlobalScope;
/** The bundle's modules are initialised by now: from the worker's start to here is fetch, parse and module init. */
const entryStarted = absoluteNow();

/** The channel to the page, handed over by the sandbox frame (sandbox-frame-protocol.ts); out of learner code's reach. */
let toPage: MessagePort | undefined;

function send(message: FromSandbox): void {
  toPage?.postMessage(message);
}

function captureConsole(): void {
  for (const level of CAPTURED_CONSOLE_LEVELS) {
    console[level] = (...args: unknown[]) => send({ type: "console", level, text: formatConsoleArgs(args) });
  }
}

/**
 * Learner code reads its tracking URI from `process.env.MLFLOW_TRACKING_URI`, as in Node and a
 * WebContainer (where the runner sets the variable). A worker has no `process`: give it one
 * with that environment only.
 */
function provideEnvironment(trackingUri: string): void {
  (globalThis as { process?: unknown }).process = { env: { MLFLOW_TRACKING_URI: trackingUri } };
}

async function run(request: RunRequest, timings: boolean): Promise<boolean> {
  // The kit with readCsv and fit timed, and fetch timed under the restriction, only when asked.
  const kit = timings ? timeKit(cuveeData, cuveeMl) : { data: cuveeData, ml: cuveeMl };
  if (timings) timeFetches(scope);
  const fs = new MemoryFileSystem(request.files);
  installBrowserFileSystem(fs.promises);
  provideEnvironment(request.trackingUri);
  // Before learner code: it may then reach the workspace's tracking URI only (decision 010).
  restrictFetch(scope, request.trackingUri);
  return runScript({
    files: request.files,
    entry: request.entry,
    trackingUri: request.trackingUri,
    builtins: learnerModuleTable({ mlflow, "cuvee/data": kit.data, "cuvee/ml": kit.ml, "cuvee/plot": cuveePlot }, browserFs),
    emit: send,
    onUnhandledRejection: (listener) =>
      scope.addEventListener("unhandledrejection", (event) => {
        event.preventDefault();
        listener(event.reason);
      }),
  });
}

captureConsole();
lockDownWorkerScope(scope);
try {
  warmUpSandbox();
} catch {
  // Only a head start: a run works the same without it.
}
const ready = absoluteNow();

// An exception thrown later by learner code (a timer's callback) ends the script, as it ends a
// Node process: report it where it was thrown, then say the script is done.
scope.addEventListener("error", (event) => {
  event.preventDefault();
  send({ type: "error", error: describeError(event.error ?? new Error(event.message)) });
  send({ type: "done", ok: false });
});

// The frame's first message carries the channel; the runs come on it. Anything posted to the
// worker's own scope later (learner code's `self.postMessage`) is ignored.
scope.addEventListener("message", (event: MessageEvent<ToWorkerFromFrame>) => {
  if (toPage || event.data?.type !== "port" || !event.ports[0]) return;
  toPage = event.ports[0];
  toPage.onmessage = onRun;
});

function onRun(event: MessageEvent<ToSandbox>): void {
  if (event.data?.type !== "run") return;
  const timings = event.data.timings === true;
  const received = absoluteNow();
  if (timings) {
    collectTimings();
    recordSpan({ name: "worker boot: script and modules", start: performance.timeOrigin, end: entryStarted });
    recordSpan({ name: "worker boot: warm-up", start: entryStarted, end: ready });
  }
  void run(event.data.request, timings).then((ok) => {
    if (timings) {
      recordSpan({ name: "worker run", start: received, end: absoluteNow() });
      send({ type: "timings", spans: takeSpans() });
    }
    send({ type: "done", ok });
  });
}
