import type { CodeFiles } from "@/lib/course/code-files";

/**
 * What a bloc's `check.ts` imports: the check's contract (`check`: BlocCheck, passed, failed) and
 * shared helpers: the learner's tracking state (`runs`), their run's artifacts (`artifacts`),
 * what they printed (`output`) and the structure of their code (`code`).
 */
export { failed, passed, type BlocCheck, type CheckContext, type CheckVerdict } from "./check";
export { RunArtifacts } from "./artifacts";
export { calleeText, findCalls, firstStringArgument, importedPackages, isCalledFromLoop, parseLearnerCode, type FoundCall, type LearnerSource } from "./code";
export { customModelsOf, environmentOf, loggedModelPaths, type LoggedCustomModel } from "./models";
export { isWorkspaceTrackingUri, printedRunIds, printedUrls, workspaceTrackingPath } from "./output";
export { PLATFORM_PACKAGES, pinningProblems } from "./pinned-dependencies";
export { lastPrintedJsonObject, productionConfigProblems, productionConfigSchema, type ProductionConfig } from "./production-config";
export {
  activeExperimentNamed,
  activeExperiments,
  executionRuns,
  metricOf,
  newestExecutionRun,
  paramOf,
  tagOf,
  userTags,
} from "./runs";

/** The learner's entry file (`main.ts` unless the bloc says otherwise), "" when absent. */
export function entrySource(code: CodeFiles, entry = "main.ts"): string {
  return code[entry] ?? Object.entries(code).find(([path]) => path.endsWith(".ts"))?.[1] ?? "";
}
