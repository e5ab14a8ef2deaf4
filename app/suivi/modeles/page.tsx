import type { Metadata } from "next";
import Link from "next/link";
import { formatDateTime } from "@/components/tracking/format";
import { modelHref, versionHref } from "@/components/tracking/registry-links";
import { StageBadge } from "@/components/tracking/stage-badge";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { EmptyState } from "@/components/ui/empty-state";
import { requireWorkspace } from "@/lib/server/session/current-workspace";
import { listRegisteredModels } from "@/lib/server/views/registry";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Modèles" };

export default async function ModelsPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const { q = "" } = await searchParams;
  const workspace = await requireWorkspace("/suivi/modeles");
  const models = await listRegisteredModels(workspace.id, q);

  return (
    <main className="mx-auto max-w-6xl px-4 py-6">
      <Breadcrumbs items={[{ label: "Suivi", href: "/suivi" }, { label: "Modèles" }]} />
      <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Registre des modèles</h1>
      <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">Les modèles inscrits au registre, leurs versions, stades et alias.</p>

      <form method="get" role="search" aria-label="Rechercher un modèle" className="mt-5 flex flex-wrap items-end gap-2 rounded-xl border border-stone-200 bg-white p-3 dark:border-stone-800 dark:bg-stone-900">
        <label className="flex min-w-0 flex-1 flex-col gap-1 text-sm">
          <span className="font-medium">Rechercher par nom</span>
          <input name="q" type="search" defaultValue={q} className="min-w-0 rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm dark:border-stone-700 dark:bg-stone-950" />
        </label>
        <button type="submit" className="rounded-md border border-stone-300 px-3 py-1.5 text-sm font-medium hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800">
          Rechercher
        </button>
      </form>

      <div className="mt-4">
        {models.length === 0 ? (
          q ? (
            <EmptyState title={`Aucun modèle ne contient « ${q} ».`}>Essayez une partie plus courte du nom.</EmptyState>
          ) : (
            <EmptyState title="Aucun modèle inscrit au registre.">
              Le{" "}
              <Link href="/cours/24" className="font-medium text-wine-600 hover:underline dark:text-wine-200">
                bloc 24
              </Link>{" "}
              inscrit votre modèle avec <code className="font-mono">registeredModelName</code> ; ses versions apparaîtront ici.
            </EmptyState>
          )
        ) : (
          <div className="overflow-x-auto rounded-xl border border-stone-200 bg-white dark:border-stone-800 dark:bg-stone-900">
            <table className="w-full border-collapse text-sm">
              <caption className="sr-only">Modèles inscrits</caption>
              <thead>
                <tr className="border-b border-stone-200 text-left text-xs uppercase tracking-wide text-stone-600 dark:text-stone-400 dark:border-stone-800">
                  <th scope="col" className="px-3 py-2 font-medium sm:px-4">Nom</th>
                  <th scope="col" className="px-2 py-2 font-medium">Dernières versions</th>
                  <th scope="col" className="px-2 py-2 font-medium">Alias</th>
                  <th scope="col" className="hidden px-4 py-2 font-medium md:table-cell">Modifié</th>
                </tr>
              </thead>
              <tbody>
                {models.map((model) => (
                  <tr key={model.name} aria-label={`Modèle ${model.name}`} className="border-b border-stone-100 last:border-0 dark:border-stone-800/60">
                    <td className="max-w-[260px] px-3 py-2 sm:px-4">
                      <Link href={modelHref(model.name)} className="break-words font-medium text-wine-700 hover:underline dark:text-wine-200">
                        {model.name}
                      </Link>
                    </td>
                    <td className="px-2 py-2">
                      <ul className="flex flex-wrap gap-2">
                        {[...model.latestVersions]
                          .sort((a, b) => Number(b.version) - Number(a.version))
                          .map((version) => (
                            <li key={version.version} className="flex items-center gap-1">
                              <Link href={versionHref(model.name, version.version)} className="font-mono text-xs hover:underline">
                                v{version.version}
                              </Link>
                              <StageBadge stage={version.currentStage} />
                            </li>
                          ))}
                      </ul>
                    </td>
                    <td className="px-2 py-2 font-mono text-xs">
                      {model.aliases.length === 0 ? "—" : model.aliases.map((alias) => `@${alias.alias} → v${alias.version}`).join(" · ")}
                    </td>
                    <td className="hidden whitespace-nowrap px-4 py-2 text-xs text-stone-600 dark:text-stone-400 md:table-cell">{formatDateTime(model.lastUpdatedTimestamp)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </main>
  );
}
