import { spawn } from "node:child_process";

/**
 * Runs `npm run bloc -- …`'s script as an instructor would, against `trackingUri`, and collects
 * what it prints (integration and Playwright tests share it).
 */
export function runBlocCli(trackingUri: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/run-bloc.mts", ...args], {
      env: { ...process.env, MLFLOW_TRACKING_URI: trackingUri },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
