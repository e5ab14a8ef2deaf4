import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatDateTime } from "@/components/tracking/format";
import { decodeSegment, versionHref } from "@/components/tracking/registry-links";
import { StageBadge } from "@/components/tracking/stage-badge";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { EmptyState } from "@/components/ui/empty-state";
import { KeyValueTable } from "@/components/ui/key-value-table";
import { SectionCard } from "@/components/ui/section-card";
import { requireWorkspace } from "@/lib/server/session/current-workspace";
import { modelDetails } from "@/lib/server/views/registry";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Modèle" };

export default async function ModelPage({ params }: { params: Promise<{ name: string }> }) {
  const name = decodeSegment((await params).name);
  const workspace = await requireWorkspace(`/suivi/modeles/${encodeURIComponent(name)}`);
  const details = await modelDetails(workspace.id, name);
  if (!details) notFound();
  const { model, versions } = details;

  return (
    <main className="mx-auto max-w-6xl px-4 py-6">
      <Breadcrumbs items={[{ label: "Suivi", href: "/suivi" }, { label: "Modèles", href: "/suivi/modeles" }, { label: model.name }]} />
      <h1 className="break-words text-2xl font-semibold tracking-tight sm:text-3xl">{model.name}</h1>
      <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
        Créé {formatDateTime(model.creationTimestamp)} · modifié {formatDateTime(model.lastUpdatedTimestamp)}
      </p>

      <div className="mt-5 grid gap-4">
        <SectionCard id="description" title="Description">
          <p className="whitespace-pre-wrap text-sm">{model.description || <span className="text-stone-600 dark:text-stone-400">Pas de description.</span>}</p>
        </SectionCard>

        <SectionCard id="versions" title={`Versions (${versions.length})`}>
          {versions.length === 0 ? (
            <EmptyState title="Aucune version.">
              <code className="font-mono">mlflow.registerModel(&quot;runs:/…/model&quot;, &quot;{model.name}&quot;)</code> en crée une.
            </EmptyState>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full min-w-[520px] border-collapse text-sm">
                <caption className="sr-only">Versions du modèle {model.name}</caption>
                <thead>
                  <tr className="border-b border-stone-200 text-left text-xs uppercase tracking-wide text-stone-600 dark:text-stone-400 dark:border-stone-800">
                    <th scope="col" className="py-2 pr-2 font-medium">Version</th>
                    <th scope="col" className="px-2 py-2 font-medium">Stade</th>
                    <th scope="col" className="px-2 py-2 font-medium">Alias</th>
                    <th scope="col" className="px-2 py-2 font-medium">Run source</th>
                    <th scope="col" className="px-2 py-2 font-medium">Créée</th>
                  </tr>
                </thead>
                <tbody>
                  {versions.map((version) => (
                    <tr key={version.version} aria-label={`Version ${version.version}`} className="border-b border-stone-100 last:border-0 dark:border-stone-800/60">
                      <td className="py-2 pr-2">
                        <Link href={versionHref(model.name, version.version)} className="font-mono font-medium text-wine-700 hover:underline dark:text-wine-200">
                          Version {version.version}
                        </Link>
                      </td>
                      <td className="px-2 py-2">
                        <StageBadge stage={version.currentStage} />
                      </td>
                      <td className="px-2 py-2 font-mono text-xs">{version.aliases.length ? version.aliases.map((a) => `@${a}`).join(" ") : "—"}</td>
                      <td className="px-2 py-2 font-mono text-xs">
                        {version.runId ? (
                          <Link href={`/suivi/runs/${version.runId}`} className="hover:underline">
                            {version.runId.slice(0, 8)}
                          </Link>
                        ) : (
                          "—"
                        )}
                      </td>
                      <td className="whitespace-nowrap px-2 py-2 text-xs text-stone-600 dark:text-stone-400">{formatDateTime(version.creationTimestamp)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </SectionCard>

        <div className="grid gap-4 md:grid-cols-2">
          <SectionCard id="alias" title={`Alias (${model.aliases.length})`}>
            <KeyValueTable
              caption="Alias du modèle"
              rows={model.aliases.map((alias) => ({ key: `@${alias.alias}`, value: `version ${alias.version}` }))}
              empty="Aucun alias : client.setRegisteredModelAlias(…) en pose un."
              headings={["Alias", "Version"]}
            />
          </SectionCard>
          <SectionCard id="tags-modele" title={`Tags (${model.tags.length})`}>
            <KeyValueTable caption="Tags du modèle" rows={model.tags} empty="Aucun tag." />
          </SectionCard>
        </div>
      </div>
    </main>
  );
}
