"use client";

import { useEffect } from "react";
import { ProblemPage } from "./problem-page";

/** The French page for an unexpected error, with a retry; shared by app/error.tsx and app/global-error.tsx. */
export function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => console.error(error), [error]);
  // Server errors reach the browser without their message (Next hides it), only an identifier.
  const digest = error instanceof Error && "digest" in error ? String(error.digest) : undefined;
  return (
    <ProblemPage
      code="Erreur"
      title="Quelque chose s'est mal passé"
      action={
        <button type="button" onClick={() => retry()} className="rounded-md border border-wine-700 px-3 py-1.5 font-medium text-wine-700 hover:bg-wine-50 dark:border-wine-200 dark:text-wine-200 dark:hover:bg-wine-900/30">
          Réessayer
        </button>
      }
    >
      <p>La page n&apos;a pas pu s&apos;afficher. Vos runs et votre progression sont gardés sur le serveur : réessayez, ou repartez du parcours.</p>
      {digest && <p className="mt-2 font-mono text-xs text-stone-600 dark:text-stone-400">Référence de l&apos;erreur : {digest}</p>}
    </ProblemPage>
  );
}
