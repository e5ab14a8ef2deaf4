import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MetricHistoryChart } from "@/components/tracking/charts/metric-history-chart";
import { formatDateTime, formatDuration, formatMetric } from "@/components/tracking/format";
import { RunStatusBadge } from "@/components/tracking/run-status";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { KeyValueTable } from "@/components/ui/key-value-table";
import { SectionCard } from "@/components/ui/section-card";
import { requireWorkspace } from "@/lib/server/session/current-workspace";
import { ArtifactViewer } from "@/components/tracking/artifacts/artifact-viewer";
import { EmptyState } from "@/components/ui/empty-state";
import { artifactTree } from "@/lib/server/views/artifacts";
import { isSystemTag } from "@/lib/server/views/run-columns";
import { runDetails } from "@/lib/server/views/runs";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Run" };

type Params = Promise<{ runId: string }>;

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-stone-600 dark:text-stone-400">{label}</dt>
      <dd className="mt-0.5 break-words text-sm">{children}</dd>
    </div>
  );
}

export default async function RunPage({ params }: { params: Params }) {
  const { runId } = await params;
  const workspace = await requireWorkspace(`/suivi/runs/${encodeURIComponent(runId)}`);
  const details = await runDetails(workspace.id, runId);
  if (!details) notFound();
  const { run, experiment, histories } = details;
  const artifacts = await artifactTree(workspace.id, run.info);
  const { info, data } = run;
  const name = info.runName || info.runId.slice(0, 8);
  const userTags = data.tags.filter((tag) => !isSystemTag(tag.key));
  const systemTags = data.tags.filter((tag) => isSystemTag(tag.key));
  const charted = data.metrics.filter((metric) => (histories[metric.key]?.length ?? 0) > 1);

  return (
    <main className="mx-auto max-w-6xl px-4 py-6">
      <Breadcrumbs
        items={[
          { label: "Suivi", href: "/suivi" },
          { label: experiment.name, href: `/suivi/experiences/${experiment.experimentId}` },
          { label: name },
        ]}
      />
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="break-words font-mono text-2xl font-semibold tracking-tight">{name}</h1>
        <RunStatusBadge status={info.status} />
        {info.lifecycleStage === "deleted" && <span className="text-sm font-medium text-red-700 dark:text-red-300">supprimé</span>}
      </div>

      <div className="mt-5 grid gap-4">
        <SectionCard id="apercu" title="Vue d'ensemble">
          <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2 lg:grid-cols-3">
            <Field label="ID du run">
              <code className="break-all font-mono text-[13px]">{info.runId}</code>
            </Field>
            <Field label="Expérience">
              <Link href={`/suivi/experiences/${experiment.experimentId}`} className="text-wine-700 hover:underline dark:text-wine-200">
                {experiment.name}
              </Link>{" "}
              <span className="text-stone-600 dark:text-stone-400">(id {experiment.experimentId})</span>
            </Field>
            <Field label="Statut">
              <RunStatusBadge status={info.status} />
            </Field>
            <Field label="Début">{formatDateTime(info.startTime)}</Field>
            <Field label="Fin">{formatDateTime(info.endTime)}</Field>
            <Field label="Durée">{formatDuration(info.startTime, info.endTime)}</Field>
            <Field label="Utilisateur">{info.userId || "—"}</Field>
            <Field label="URI des artefacts">
              <code className="break-all font-mono text-[13px]">{info.artifactUri}</code>
            </Field>
            {run.inputs.datasetInputs.length > 0 && (
              <Field label="Jeux de données">
                {run.inputs.datasetInputs.map((input) => (
                  <span key={`${input.dataset.name}-${input.dataset.digest}`} className="mr-2 font-mono text-[13px]">
                    {input.dataset.name} ({input.dataset.digest.slice(0, 8)})
                  </span>
                ))}
              </Field>
            )}
          </dl>
        </SectionCard>

        <div className="grid gap-4 lg:grid-cols-2">
          <SectionCard id="parametres" title={`Paramètres (${data.params.length})`}>
            <KeyValueTable caption="Paramètres du run" rows={data.params} empty="Aucun paramètre : ajoutez mlflow.logParam(…) à votre code." />
          </SectionCard>
          <SectionCard id="metriques" title={`Métriques (${data.metrics.length})`}>
            <KeyValueTable
              caption="Dernière valeur de chaque métrique"
              rows={data.metrics.map((metric) => ({ key: metric.key, value: `${formatMetric(metric.value)}${metric.step ? ` (étape ${metric.step})` : ""}` }))}
              empty="Aucune métrique : ajoutez mlflow.logMetric(…) à votre code."
            />
          </SectionCard>
        </div>

        {charted.length > 0 && (
          <SectionCard id="historiques" title="Historique des métriques">
            <div className="grid gap-3 md:grid-cols-2">
              {charted.map((metric) => (
                <MetricHistoryChart key={metric.key} metricKey={metric.key} points={histories[metric.key] ?? []} />
              ))}
            </div>
          </SectionCard>
        )}

        <SectionCard id="tags" title={`Tags (${userTags.length})`}>
          <KeyValueTable caption="Tags du run" rows={userTags} empty="Aucun tag à vous : mlflow.setTag(…) en ajoute." />
          {systemTags.length > 0 && (
            <details className="mt-3 text-sm">
              <summary className="cursor-pointer text-stone-600 dark:text-stone-400">Tags système de MLflow ({systemTags.length})</summary>
              <div className="mt-2">
                <KeyValueTable caption="Tags système" rows={systemTags} empty="" />
              </div>
            </details>
          )}
        </SectionCard>

        <SectionCard id="artefacts" title="Artefacts">
          {artifacts.downloadBase === null ? (
            <p className="text-sm text-stone-600 dark:text-stone-400">Les artefacts de ce run ne sont pas stockés par ce serveur ({info.artifactUri}).</p>
          ) : artifacts.nodes.length === 0 ? (
            <EmptyState title="Aucun artefact pour ce run.">
              <code className="font-mono">mlflow.logArtifact(…)</code> ou <code className="font-mono">mlflow.sklearn.logModel(…)</code> en
              enregistrent : fichiers, graphiques, modèles.
            </EmptyState>
          ) : (
            <ArtifactViewer downloadBase={artifacts.downloadBase} nodes={artifacts.nodes} truncated={artifacts.truncated} />
          )}
        </SectionCard>
      </div>
    </main>
  );
}
