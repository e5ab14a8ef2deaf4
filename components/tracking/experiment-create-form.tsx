"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { callMlflow, describeWriteError, workspaceTrackingUri } from "./mlflow-client";

/** Creates an experiment through the REST API, then opens it. */
export function ExperimentCreateForm({ workspaceId }: { workspaceId: string }) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setError("Donnez un nom à l'expérience.");
      return;
    }
    setPending(true);
    setError(null);
    try {
      const { experiment_id } = await callMlflow(workspaceTrackingUri(workspaceId), "createExperiment", { name: trimmed });
      setName("");
      router.push(`/suivi/experiences/${experiment_id}`);
    } catch (caught) {
      setError(describeWriteError(caught));
    } finally {
      setPending(false);
    }
  };

  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-2" aria-label="Créer une expérience">
      <label className="flex min-w-0 flex-1 flex-col gap-1 text-sm">
        <span className="font-medium">Nouvelle expérience</span>
        <input
          value={name}
          onChange={(event) => setName(event.target.value)}
          maxLength={500}
          placeholder="exp_wine_quality"
          className="min-w-0 rounded-md border border-stone-300 bg-white px-3 py-1.5 font-mono text-sm dark:border-stone-700 dark:bg-stone-950"
        />
      </label>
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-wine-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-wine-700 disabled:opacity-50"
      >
        {pending ? "Création…" : "Créer"}
      </button>
      {error && (
        <p role="alert" className="w-full text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
    </form>
  );
}
