/** What the SDK integration tests share: a workspace per file, the course's data split, temp folders. */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { readCsv } from "@/lib/data";
import { trainTestSplit } from "@/lib/ml";
import * as mlflow from "@/lib/tracking";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { resetAutolog, resetFluentState, resetTrackingUri } from "@/lib/tracking/runner-hooks";
import { baseUrl, closeTestDb, createTestWorkspace } from "./helpers";

export const DATASET = path.resolve(import.meta.dirname, "../../public/data/red-wine-quality.csv");
export const FIXTURES = path.resolve(import.meta.dirname, "../../test-data/fixtures");

/** The course's split: 25 % test, random state 42 (bloc 0). */
export async function courseSplit() {
  const data = await readCsv(DATASET);
  const X = data.drop(["quality"]);
  const y = data.get("quality");
  const [XTrain, XTest, yTrain, yTest] = trainTestSplit(X, y, { testSize: 0.25, randomState: 42 });
  return { data, X, y, XTrain, XTest, yTrain, yTest };
}

/** Points the SDK at a workspace and forgets the previous test's runs and autologging. */
export function useWorkspace(workspaceId: string): void {
  resetFluentState();
  resetAutolog();
  mlflow.setTrackingUri(`${baseUrl()}/w/${workspaceId}`);
}

/**
 * Registers the hooks a test file of the SDK needs: its own workspace (created once), the SDK
 * pointed at it before each test, and the SDK and database released after the file.
 */
export function workspacePerFile(): { id: () => string } {
  let workspaceId: string | undefined;
  const id = () => {
    if (!workspaceId) throw new Error("the file's workspace is created in beforeAll");
    return workspaceId;
  };
  beforeAll(async () => {
    workspaceId = await createTestWorkspace();
  });
  afterAll(async () => {
    resetTrackingUri();
    await closeTestDb();
  });
  beforeEach(() => useWorkspace(id()));
  return { id };
}

export function temporaryFolder(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "cuvee-sdk-"));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
