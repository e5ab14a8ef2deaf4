"use client";

import { useId, useState, type FormEvent } from "react";
import { BUTTON_BASE } from "./button-styles";
import { fileNameProblem } from "./workbench-files";

interface AddFileProps {
  existing: readonly string[];
  /** A name to suggest (a file the bloc's solution has and the learner has not created yet). */
  suggestion?: string;
  onAdd: (name: string) => void;
}

/** The "+" after the tabs: opens a small form for the new file's name, checked as it is typed. */
export function AddFile({ existing, suggestion, onAdd }: AddFileProps) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [touched, setTouched] = useState(false);
  const inputId = useId();
  const problemId = useId();
  const problem = fileNameProblem(name, existing);

  const close = () => {
    setOpen(false);
    setName("");
    setTouched(false);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (problem) return;
    onAdd(name);
    close();
  };

  if (!open) {
    return (
      <button
        type="button"
        aria-label="Ajouter un fichier"
        title="Ajouter un fichier"
        onClick={() => setOpen(true)}
        className={`${BUTTON_BASE} shrink-0 px-2.5 text-stone-700 hover:bg-stone-100 dark:text-stone-200 dark:hover:bg-stone-800`}
      >
        <span aria-hidden="true">+</span>
      </button>
    );
  }

  const showProblem = touched && problem !== null;
  return (
    <form onSubmit={submit} onKeyDown={(event) => event.key === "Escape" && close()} className="flex w-full flex-wrap items-center gap-2 text-sm" aria-label="Nouveau fichier">
      <label htmlFor={inputId} className="font-medium">
        Nom du nouveau fichier
      </label>
      <input
        id={inputId}
        autoFocus
        value={name}
        onChange={(event) => setName(event.target.value)}
        onBlur={() => name !== "" && setTouched(true)}
        placeholder={suggestion ?? "modele.ts"}
        aria-invalid={showProblem}
        aria-describedby={showProblem ? problemId : undefined}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        className="min-w-0 flex-1 rounded-md border border-stone-300 bg-white px-2 py-1 font-mono text-[13px] dark:border-stone-600 dark:bg-stone-950"
      />
      <button type="submit" className={`${BUTTON_BASE} bg-stone-800 text-white hover:bg-stone-700 dark:bg-stone-200 dark:text-stone-900`}>
        Créer
      </button>
      <button type="button" onClick={close} className={`${BUTTON_BASE} text-stone-600 hover:bg-stone-100 dark:text-stone-300 dark:hover:bg-stone-800`}>
        Annuler
      </button>
      {showProblem && (
        <p id={problemId} role="alert" className="w-full text-red-700 dark:text-red-300">
          {problem}
        </p>
      )}
    </form>
  );
}
