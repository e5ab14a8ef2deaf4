"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { checkResponseSchema, type CheckRequestBody, type Execution as ExecutionOutcome, type Verdict } from "@/lib/course/check-contract";
import type { CodeFiles } from "@/lib/course/code-files";

/** How the learner's last run ended, what it printed and which runs it created: the evidence the check judges. */
export interface Execution {
  outcome: ExecutionOutcome;
  output: string;
  runIds: string[];
}

/**
 * Asking the server to check a bloc (`POST /api/cuvee/blocs/<n>/check`) with the evidence of
 * the learner's last execution and their code. A pass marks the bloc done and refreshes the
 * page's server data (the checklist's count).
 */
export function useBlocCheck({ bloc, initiallyDone }: { bloc: number; initiallyDone: boolean }) {
  const router = useRouter();
  const [lastExecution, setLastExecution] = useState<Execution | null>(null);
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [checking, setChecking] = useState(false);
  const [done, setDone] = useState(initiallyDone);

  const check = async (code: CodeFiles) => {
    setChecking(true);
    try {
      // No execution in this page yet: the server answers "run it first" (execution-gate.ts).
      const body: CheckRequestBody = lastExecution
        ? { output: lastExecution.output, code, runIds: lastExecution.runIds, execution: lastExecution.outcome }
        : { code };
      const response = await fetch(`/api/cuvee/blocs/${bloc}/check`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      const result = checkResponseSchema.parse(await response.json());
      if ("error" in result) setVerdict({ passed: false, message: result.error });
      else {
        setVerdict(result);
        if (result.passed) {
          setDone(true);
          router.refresh();
        }
      }
    } catch {
      setVerdict({ passed: false, message: "La vérification n'a pas pu joindre le serveur. Réessayez dans un instant." });
    } finally {
      setChecking(false);
    }
  };

  return {
    /** The verdict shown under the check button; null before any check (and when a run starts). */
    verdict,
    /** Shows a verdict (or a problem, such as data that failed to load), or clears it. */
    setVerdict,
    checking,
    done,
    check,
    /** Keeps the evidence of the learner's last execution for the next check (null: one is starting). */
    recordExecution: setLastExecution,
  };
}
