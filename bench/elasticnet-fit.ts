/**
 * How long does `new ElasticNet({ alpha: 0.5, l1Ratio: 0.5 }).fit(XTrain, yTrain)` take on the
 * course split, and how does it compare with scikit-learn doing the same fit?
 *
 *     npx tsx bench/elasticnet-fit.ts [runs]
 *
 * Prints the median (and 10th / 90th percentiles) of many fits in Node. When a python3 that
 * can import scikit-learn is found (Debian: `apt-get install python3-sklearn`), it also times
 * scikit-learn's fit of the same rows in the same run and prints the ratio; otherwise it says
 * why it skipped. Both sides time the whole `fit` call, input checks and copies included.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

import { parseCsv } from "../lib/data";
import { ElasticNet, trainTestSplit } from "../lib/ml";

const CSV_PATH = fileURLToPath(new URL("../public/data/red-wine-quality.csv", import.meta.url));
const PYTHON_CANDIDATES = ["python3", "/usr/bin/python3"];
const WARMUP_RUNS = 200;

interface Timing {
  medianMs: number;
  p10Ms: number;
  p90Ms: number;
  runs: number;
}

interface ScikitLearnResult {
  python: string;
  pythonVersion: string;
  sklearn: string;
  numpy: string;
  /** Fit on numpy arrays. */
  arrays: Timing;
  /** Fit on pandas objects, as in the Python course; null without pandas. */
  pandas: Timing | null;
  pandasVersion?: string;
  coef: number[];
  intercept: number;
  nIter: number;
}

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] as number;
}

function timeOurFit(runs: number): Timing & { model: ElasticNet } {
  const data = parseCsv(readFileSync(CSV_PATH, "utf8"));
  const [XTrain, , yTrain] = trainTestSplit(data.drop(["quality"]), data.get("quality"), {
    testSize: 0.25,
    randomState: 42,
  });
  let model = new ElasticNet({ alpha: 0.5, l1Ratio: 0.5 });
  for (let i = 0; i < WARMUP_RUNS; i++) model = new ElasticNet({ alpha: 0.5, l1Ratio: 0.5 }).fit(XTrain, yTrain);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    model = new ElasticNet({ alpha: 0.5, l1Ratio: 0.5 }).fit(XTrain, yTrain);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { medianMs: percentile(times, 0.5), p10Ms: percentile(times, 0.1), p90Ms: percentile(times, 0.9), runs, model };
}

// Same rows, same call. Times the fit on numpy arrays (sklearn's fastest input) and, when pandas
// is installed, on pandas objects as in the Python course (feature-name checks included).
const PYTHON_BENCH = String.raw`
import json, sys, time
import numpy as np, sklearn
from sklearn.linear_model import ElasticNet
from sklearn.model_selection import train_test_split
path, runs, warmup = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])

def timed(X_train, y_train):
    for _ in range(warmup):
        model = ElasticNet(alpha=0.5, l1_ratio=0.5).fit(X_train, y_train)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        model = ElasticNet(alpha=0.5, l1_ratio=0.5).fit(X_train, y_train)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    pick = lambda f: times[min(len(times) - 1, int(f * len(times)))]
    return {"medianMs": pick(0.5), "p10Ms": pick(0.1), "p90Ms": pick(0.9), "runs": runs}, model

data = np.loadtxt(path, delimiter=",", skiprows=1)
X_train, X_test, y_train, y_test = train_test_split(data[:, :-1], data[:, -1], test_size=0.25, random_state=42)
arrays, model = timed(X_train, y_train)
result = {"arrays": arrays, "pythonVersion": sys.version.split()[0], "sklearn": sklearn.__version__,
          "numpy": np.__version__, "coef": [float(c) for c in model.coef_],
          "intercept": float(model.intercept_), "nIter": int(model.n_iter_)}
try:
    import pandas as pd
except ImportError:
    result["pandas"] = None
else:
    frame = pd.read_csv(path)
    X_train, X_test, y_train, y_test = train_test_split(frame.drop(["quality"], axis=1), frame["quality"], test_size=0.25, random_state=42)
    result["pandas"], _ = timed(X_train, y_train)
    result["pandasVersion"] = pd.__version__
print(json.dumps(result))
`;

function findPythonWithScikitLearn(): string | null {
  for (const python of PYTHON_CANDIDATES) {
    const probe = spawnSync(python, ["-c", "import sklearn, numpy"], { encoding: "utf8", timeout: 30_000 });
    if (probe.status === 0) return python;
  }
  return null;
}

function timeScikitLearnFit(python: string, runs: number): ScikitLearnResult | string {
  const result = spawnSync(python, ["-c", PYTHON_BENCH, CSV_PATH, String(runs), String(WARMUP_RUNS)], {
    encoding: "utf8",
    timeout: 600_000,
  });
  if (result.status !== 0) return `python failed: ${result.error?.message ?? result.stderr.trim()}`;
  return { ...(JSON.parse(result.stdout) as Omit<ScikitLearnResult, "python">), python };
}

function formatMs(ms: number): string {
  return ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(3)} ms`;
}

function main(): void {
  const runs = Number(process.argv[2] ?? 2000);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`runs must be a positive integer, got ${process.argv[2]}`);
  console.log(`ElasticNet(alpha=0.5, l1_ratio=0.5).fit on 1199 × 11 rows (split 42 / 0.25), median of ${runs} runs`);

  const ours = timeOurFit(runs);
  console.log(
    `  cuvee/ml (Node ${process.versions.node}):  median ${formatMs(ours.medianMs)}  ` +
      `(p10 ${formatMs(ours.p10Ms)}, p90 ${formatMs(ours.p90Ms)}), n_iter ${ours.model.nIter}`,
  );

  const python = findPythonWithScikitLearn();
  if (!python) {
    console.log(`  scikit-learn: skipped (no ${PYTHON_CANDIDATES.join(" / ")} can import sklearn; try apt-get install python3-sklearn)`);
    return;
  }
  const sklearn = timeScikitLearnFit(python, runs);
  if (typeof sklearn === "string") {
    console.log(`  scikit-learn: skipped (${sklearn})`);
    return;
  }
  console.log(`  scikit-learn ${sklearn.sklearn} (numpy ${sklearn.numpy}, Python ${sklearn.pythonVersion}, ${python}):`);
  const comparisons: [string, Timing | null][] = [
    ["numpy arrays", sklearn.arrays],
    [`pandas ${sklearn.pandasVersion ?? ""} DataFrame/Series, as in the course`, sklearn.pandas],
  ];
  for (const [input, timing] of comparisons) {
    if (!timing) {
      console.log("    on pandas objects: skipped (pandas not installed; apt-get install python3-pandas)");
      continue;
    }
    const ratio = timing.medianMs / ours.medianMs;
    console.log(
      `    on ${input}: median ${formatMs(timing.medianMs)}  (p10 ${formatMs(timing.p10Ms)}, p90 ${formatMs(timing.p90Ms)})` +
        `  → scikit-learn / cuvee = ${ratio.toFixed(2)}× (${ratio >= 1 ? "cuvee is not slower" : "cuvee is SLOWER"})`,
    );
  }
  const coefDifference = Math.max(...ours.model.coef.map((value, i) => Math.abs(value - (sklearn.coef[i] as number))));
  console.log(
    `  same fit: n_iter ${sklearn.nIter} vs ${ours.model.nIter}, max |Δcoef| = ${coefDifference.toExponential(1)}, ` +
      `|Δintercept| = ${Math.abs(ours.model.intercept - sklearn.intercept).toExponential(1)} ` +
      "(this machine's BLAS may differ from the fixtures' in the last bits)",
  );
}

main();
