"use client";

import { useEffect, useRef } from "react";
import type { Verdict } from "@/lib/course/check-contract";
import { BUTTON_BASE } from "./button-styles";

interface VerdictPanelProps {
  bloc: number;
  verdict: Verdict | null;
  checking: boolean;
  done: boolean;
  /** While code runs, checking would judge a half-finished execution. */
  disabled: boolean;
  onCheck: () => void;
}

/** The lesson's "Vérifier" button, whether the bloc is done, and the check's verdict in French. */
export function VerdictPanel({ bloc, verdict, checking, done, disabled, onCheck }: VerdictPanelProps) {
  const box = useRef<HTMLDivElement>(null);
  // The panel sits under the editor, the console and the live panel: a verdict would arrive
  // below the fold. Bring it into view (the least scroll that shows it, in the workbench's own
  // scroll area and the page's) and give it focus, so that a screen reader reads it out.
  useEffect(() => {
    if (!verdict || !box.current) return;
    box.current.focus({ preventScroll: true });
    box.current.scrollIntoView({ block: "nearest" });
  }, [verdict]);

  return (
    <section aria-label="Vérification" className="rounded-lg border border-stone-200 bg-white p-3 dark:border-stone-800 dark:bg-stone-900">
      <div className="flex items-center gap-3">
        <button
          type="button"
          onClick={onCheck}
          disabled={checking || disabled}
          className={`${BUTTON_BASE} border border-wine-600 text-wine-700 hover:bg-wine-50 dark:text-wine-200 dark:hover:bg-wine-900/40`}
        >
          {checking ? "Vérification…" : "Vérifier"}
        </button>
        {done ? (
          <span className="text-sm font-medium text-emerald-700 dark:text-emerald-300">✓ Bloc {bloc} fait</span>
        ) : (
          <span className="text-sm text-stone-600 dark:text-stone-400">La vérification lit votre serveur de suivi et la sortie de votre dernière exécution.</span>
        )}
      </div>
      {verdict && (
        <div
          ref={box}
          role="status"
          tabIndex={-1}
          data-testid="verdict"
          // Scroll margins: the sticky header and pane switch must not cover it.
          className={`mt-3 scroll-mt-32 scroll-mb-4 rounded-md px-3 py-2 text-sm focus:outline-none ${
            verdict.passed
              ? "bg-emerald-50 text-emerald-900 dark:bg-emerald-950/40 dark:text-emerald-100"
              : "bg-amber-50 text-amber-900 dark:bg-amber-950/40 dark:text-amber-100"
          }`}
        >
          <p>{verdict.message}</p>
          {verdict.details && verdict.details.length > 0 && (
            <ul className="mt-1 list-disc pl-5">
              {verdict.details.map((detail) => (
                <li key={detail}>{detail}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
