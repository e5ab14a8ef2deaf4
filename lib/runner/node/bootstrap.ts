/**
 * The entry of a Node-hosted run (`node node_modules/cuvee/dist/run.js`, from the project root,
 * in a child process or a WebContainer). Bundled into the `cuvee` package by
 * `runtime-packages.ts`; `mlflow` and `cuvee/*` stay bare imports, so Node resolves them from
 * the project's `node_modules/` exactly as it would for learner code, and they share the SDK
 * instance whose hooks `runScript` calls (the bundle's chunks are shared).
 */
import * as nodeFs from "node:fs/promises";
import { KIT_MODULE_SPECIFIERS, learnerModuleTable, type KitModuleSpecifier } from "../../learner-modules";
import { describeError } from "../describe-error";
import { formatConsoleArgs } from "../inspect";
import { encodeEvent, type NodeScriptEvent } from "../node-protocol";
import { RUN_REQUEST_PATH, type NodeRunRequest } from "../node-project";
import { CAPTURED_CONSOLE_LEVELS, runScript } from "../run-script";
import type { CodeFiles } from "../types";

function send(event: NodeScriptEvent): void {
  process.stdout.write(encodeEvent(event));
}

for (const level of CAPTURED_CONSOLE_LEVELS) {
  console[level] = (...args: unknown[]) => send({ type: "console", level, text: formatConsoleArgs(args) });
}
process.on("uncaughtException", (error) => {
  send({ type: "error", error: describeError(error) });
  send({ type: "done", ok: false });
  process.exit(1);
});

const request = JSON.parse(await nodeFs.readFile(RUN_REQUEST_PATH, "utf8")) as NodeRunRequest;
const files: CodeFiles = {};
for (const path of request.codeFiles) files[path] = await nodeFs.readFile(path, "utf8");

/** Resolved at run time from the project's node_modules (a variable keeps bundlers away). */
const importPackage = (specifier: string): Promise<unknown> => import(specifier);
const kit = {} as Record<KitModuleSpecifier, unknown>;
for (const specifier of KIT_MODULE_SPECIFIERS) kit[specifier] = await importPackage(specifier);
const builtins = learnerModuleTable(kit, nodeFs);

const ok = await runScript({
  files,
  entry: request.entry,
  trackingUri: request.trackingUri,
  builtins,
  emit: send,
  // A listener also keeps Node from ending the process on the rejection.
  onUnhandledRejection: (listener) => process.on("unhandledRejection", listener),
});
// Like the worker, which is terminated once the script is done: timers or sockets left open
// by learner code do not keep the run alive. Exit once the last line is written.
process.stdout.write(encodeEvent({ type: "done", ok }), () => process.exit(ok ? 0 : 1));
