"use client";

import { BUTTON_BASE } from "./button-styles";

const QUIET = `${BUTTON_BASE} text-stone-600 hover:bg-stone-100 dark:text-stone-300 dark:hover:bg-stone-800`;

interface FileActionsProps {
  /** The file in the current tab: every action here applies to it alone. */
  path: string;
  added: boolean;
  hasSolution: boolean;
  onReset: () => void;
  onSolution: () => void;
  onRemove: () => void;
}

/** Réinitialiser, Solution and (for a file the learner added) Supprimer, for the file in the current tab, which their names say. */
export function FileActions({ path, added, hasSolution, onReset, onSolution, onRemove }: FileActionsProps) {
  return (
    <>
      <button type="button" className={QUIET} onClick={onReset} aria-label={`Réinitialiser ${path}`} title={added ? `Vide ${path}` : `Remet ${path} à son code de départ`}>
        Réinitialiser
      </button>
      <button
        type="button"
        className={QUIET}
        onClick={onSolution}
        disabled={!hasSolution}
        aria-label={`Solution de ${path}`}
        title={hasSolution ? `Remplace ${path} par sa solution` : `La solution du bloc n'a pas de fichier ${path}`}
      >
        Solution
      </button>
      {added && (
        <button type="button" className={`${QUIET} text-red-700 dark:text-red-300`} onClick={onRemove} aria-label={`Supprimer ${path}`}>
          Supprimer
        </button>
      )}
    </>
  );
}
