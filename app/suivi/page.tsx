import type { Metadata } from "next";
import Link from "next/link";
import { ExperimentActions } from "@/components/tracking/experiment-actions";
import { ExperimentCreateForm } from "@/components/tracking/experiment-create-form";
import { formatDateTime } from "@/components/tracking/format";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { EmptyState } from "@/components/ui/empty-state";
import { requireWorkspace } from "@/lib/server/session/current-workspace";
import { listExperiments } from "@/lib/server/views/experiments";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Expériences" };

type SearchParams = Promise<{ q?: string; supprimees?: string }>;

export default async function ExperimentsPage({ searchParams }: { searchParams: SearchParams }) {
  const { q = "", supprimees } = await searchParams;
  const deleted = supprimees === "1";
  const workspace = await requireWorkspace("/suivi");
  const experiments = await listExperiments(workspace.id, { search: q, deleted });
  const onlyEmptyDefault = !q && !deleted && experiments.every((e) => e.experimentId === "0" && e.runCount === 0);

  return (
    <main className="mx-auto max-w-6xl px-4 py-6">
      <Breadcrumbs items={[{ label: "Suivi" }]} />
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">{deleted ? "Expériences supprimées" : "Expériences"}</h1>
          <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
            Ce que votre serveur de suivi contient, comme dans l&apos;interface de MLflow.
          </p>
        </div>
        <Link href="/suivi/modeles" className="text-sm font-medium text-wine-600 hover:underline dark:text-wine-200">
          Registre des modèles →
        </Link>
      </div>

      <div className="mt-6 grid gap-4 rounded-xl border border-stone-200 bg-white p-4 md:grid-cols-2 dark:border-stone-800 dark:bg-stone-900">
        <form method="get" className="flex flex-wrap items-end gap-2" role="search" aria-label="Rechercher une expérience">
          <label className="flex min-w-0 flex-1 flex-col gap-1 text-sm">
            <span className="font-medium">Rechercher par nom</span>
            <input
              name="q"
              defaultValue={q}
              type="search"
              className="min-w-0 rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm dark:border-stone-700 dark:bg-stone-950"
            />
          </label>
          {deleted && <input type="hidden" name="supprimees" value="1" />}
          <button type="submit" className="rounded-md border border-stone-300 px-3 py-1.5 text-sm font-medium hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800">
            Rechercher
          </button>
        </form>
        {!deleted && <ExperimentCreateForm workspaceId={workspace.id} />}
      </div>

      <p className="mt-4 text-sm">
        {deleted ? (
          <Link href="/suivi" className="text-wine-600 hover:underline dark:text-wine-200">
            ← Revenir aux expériences actives
          </Link>
        ) : (
          <Link href="/suivi?supprimees=1" className="text-stone-600 hover:underline dark:text-stone-400">
            Voir les expériences supprimées (pour les restaurer)
          </Link>
        )}
      </p>

      <div className="mt-3">
        {experiments.length === 0 ? (
          <EmptyState title={q ? `Aucune expérience ne contient « ${q} ».` : deleted ? "Aucune expérience supprimée." : "Aucune expérience."}>
            {q ? "Essayez une partie plus courte du nom." : deleted ? "Les expériences que vous supprimez apparaissent ici ; vous pouvez les restaurer." : null}
          </EmptyState>
        ) : (
          <div className="overflow-x-auto rounded-xl border border-stone-200 bg-white dark:border-stone-800 dark:bg-stone-900">
            <table className="w-full border-collapse text-sm">
              <caption className="sr-only">{deleted ? "Expériences supprimées" : "Expériences de votre espace"}</caption>
              <thead>
                <tr className="border-b border-stone-200 text-left text-xs uppercase tracking-wide text-stone-600 dark:text-stone-400 dark:border-stone-800">
                  <th scope="col" className="px-3 py-2 font-medium sm:px-4">Nom</th>
                  <th scope="col" className="hidden px-2 py-2 font-medium sm:table-cell">ID</th>
                  <th scope="col" className="px-2 py-2 text-right font-medium">Runs</th>
                  <th scope="col" className="hidden px-2 py-2 font-medium md:table-cell">Modifiée</th>
                  <th scope="col" className="px-4 py-2 text-right font-medium"><span className="sr-only">Actions</span></th>
                </tr>
              </thead>
              <tbody>
                {experiments.map((experiment) => (
                  <tr key={experiment.experimentId} className="border-b border-stone-100 last:border-0 dark:border-stone-800/60">
                    <td className="max-w-[280px] px-3 py-2 sm:px-4">
                      {deleted ? (
                        <span className="break-words font-medium">{experiment.name}</span>
                      ) : (
                        <Link href={`/suivi/experiences/${experiment.experimentId}`} className="break-words font-medium text-wine-700 hover:underline dark:text-wine-200">
                          {experiment.name}
                        </Link>
                      )}
                    </td>
                    <td className="hidden px-2 py-2 font-mono text-xs text-stone-600 dark:text-stone-400 sm:table-cell">{experiment.experimentId}</td>
                    <td className="px-2 py-2 text-right tabular-nums">{experiment.runCount}</td>
                    <td className="hidden whitespace-nowrap px-2 py-2 text-xs text-stone-600 dark:text-stone-400 md:table-cell">{formatDateTime(experiment.lastUpdateTime)}</td>
                    <td className="px-3 py-2 sm:px-4">
                      <ExperimentActions workspaceId={workspace.id} experimentId={experiment.experimentId} name={experiment.name} deleted={deleted} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {onlyEmptyDefault && (
          <div className="mt-4">
            <EmptyState title="Pas encore de run.">
              Lancez le code du bloc 1 pour créer votre première expérience :{" "}
              <Link href="/cours/1" className="font-medium text-wine-600 hover:underline dark:text-wine-200">
                ouvrir le bloc 1
              </Link>
              . Ou créez-en une ci-dessus et pointez n&apos;importe quel client MLflow vers l&apos;URI de suivi de votre espace :
              <code className="mt-1 block break-all font-mono text-xs">{workspace.trackingUri}</code>
            </EmptyState>
          </div>
        )}
      </div>
    </main>
  );
}
