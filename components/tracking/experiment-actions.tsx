"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { callMlflow, describeWriteError, workspaceTrackingUri } from "./mlflow-client";

interface ExperimentActionsProps {
  workspaceId: string;
  experimentId: string;
  name: string;
  deleted: boolean;
}

const smallButton =
  "rounded px-2 py-1 text-xs font-medium text-stone-600 hover:bg-stone-100 disabled:opacity-50 dark:text-stone-300 dark:hover:bg-stone-800";

/** Rename, delete (soft, as MLflow) or restore one experiment through the REST API. */
export function ExperimentActions({ workspaceId, experimentId, name, deleted }: ExperimentActionsProps) {
  const router = useRouter();
  const [renaming, setRenaming] = useState(false);
  const [newName, setNewName] = useState(name);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const call = async (endpoint: "updateExperiment" | "restoreExperiment" | "deleteExperiment", body: { new_name?: string } = {}) => {
    setPending(true);
    setError(null);
    try {
      await callMlflow(workspaceTrackingUri(workspaceId), endpoint, { experiment_id: experimentId, ...body });
      setRenaming(false);
      router.refresh();
    } catch (caught) {
      setError(describeWriteError(caught));
    } finally {
      setPending(false);
    }
  };

  const rename = (event: FormEvent) => {
    event.preventDefault();
    if (newName.trim() === "" || newName.trim() === name) return setRenaming(false);
    void call("updateExperiment", { new_name: newName.trim() });
  };

  return (
    <div className="flex flex-wrap items-center justify-end gap-1">
      {renaming ? (
        <form onSubmit={rename} className="flex items-center gap-1">
          <label className="sr-only" htmlFor={`rename-${experimentId}`}>
            Nouveau nom de l'expérience {name}
          </label>
          <input
            id={`rename-${experimentId}`}
            value={newName}
            autoFocus
            maxLength={500}
            onChange={(event) => setNewName(event.target.value)}
            onKeyDown={(event) => event.key === "Escape" && setRenaming(false)}
            className="w-40 rounded border border-stone-300 bg-white px-2 py-1 font-mono text-xs dark:border-stone-700 dark:bg-stone-950"
          />
          <button type="submit" disabled={pending} className={smallButton}>
            Valider
          </button>
          <button type="button" onClick={() => setRenaming(false)} className={smallButton}>
            Annuler
          </button>
        </form>
      ) : deleted ? (
        <button type="button" disabled={pending} className={smallButton} onClick={() => void call("restoreExperiment")} aria-label={`Restaurer l'expérience ${name}`}>
          Restaurer
        </button>
      ) : (
        <>
          <button type="button" className={smallButton} onClick={() => setRenaming(true)} aria-label={`Renommer l'expérience ${name}`}>
            Renommer
          </button>
          {experimentId !== "0" && (
            <button
              type="button"
              disabled={pending}
              className={`${smallButton} text-red-700 dark:text-red-300`}
              onClick={() => void call("deleteExperiment")}
              aria-label={`Supprimer l'expérience ${name}`}
            >
              Supprimer
            </button>
          )}
        </>
      )}
      {error && (
        <p role="alert" className="w-full text-right text-xs text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
    </div>
  );
}
