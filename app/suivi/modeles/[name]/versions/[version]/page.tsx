import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatDateTime } from "@/components/tracking/format";
import { decodeSegment, modelHref } from "@/components/tracking/registry-links";
import { StageBadge } from "@/components/tracking/stage-badge";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { KeyValueTable } from "@/components/ui/key-value-table";
import { SectionCard } from "@/components/ui/section-card";
import { requireWorkspace } from "@/lib/server/session/current-workspace";
import { versionDetails } from "@/lib/server/views/registry";
import type { SignatureColumn } from "@/lib/server/views/mlmodel-signature";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Version de modèle" };

type Params = Promise<{ name: string; version: string }>;

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-stone-600 dark:text-stone-400">{label}</dt>
      <dd className="mt-0.5 break-words text-sm">{children}</dd>
    </div>
  );
}

function SignatureTable({ caption, columns }: { caption: string; columns: SignatureColumn[] }) {
  return <KeyValueTable caption={caption} rows={columns.map((column) => ({ key: column.name, value: column.type }))} empty="Non précisé." headings={["Colonne", "Type"]} />;
}

export default async function ModelVersionPage({ params }: { params: Params }) {
  const raw = await params;
  const name = decodeSegment(raw.name);
  const versionNumber = decodeSegment(raw.version);
  const workspace = await requireWorkspace(`/suivi/modeles/${encodeURIComponent(name)}/versions/${encodeURIComponent(versionNumber)}`);
  const details = await versionDetails(workspace.id, name, versionNumber);
  if (!details) notFound();
  const { version, sourceRun, signature, transitions } = details;

  return (
    <main className="mx-auto max-w-6xl px-4 py-6">
      <Breadcrumbs
        items={[
          { label: "Suivi", href: "/suivi" },
          { label: "Modèles", href: "/suivi/modeles" },
          { label: version.name, href: modelHref(version.name) },
          { label: `Version ${version.version}` },
        ]}
      />
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="break-words text-2xl font-semibold tracking-tight sm:text-3xl">
          {version.name} · version {version.version}
        </h1>
        <StageBadge stage={version.currentStage} />
        {version.aliases.map((alias) => (
          <span key={alias} className="rounded bg-sky-100 px-1.5 font-mono text-xs text-sky-800 dark:bg-sky-900/50 dark:text-sky-200">
            @{alias}
          </span>
        ))}
      </div>

      <div className="mt-5 grid gap-4">
        <SectionCard id="apercu-version" title="Vue d'ensemble">
          <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2 lg:grid-cols-3">
            <Field label="Stade">
              <StageBadge stage={version.currentStage} />
            </Field>
            <Field label="Statut">{version.status === "READY" ? "prête" : version.status}</Field>
            <Field label="Créée">{formatDateTime(version.creationTimestamp)}</Field>
            <Field label="Modifiée">{formatDateTime(version.lastUpdatedTimestamp)}</Field>
            <Field label="Source">
              <code className="break-all font-mono text-[13px]">{version.source}</code>
            </Field>
            <Field label="Run source">
              {sourceRun ? (
                <Link href={`/suivi/runs/${sourceRun.info.runId}`} className="font-mono text-wine-700 hover:underline dark:text-wine-200">
                  {sourceRun.info.runName || sourceRun.info.runId}
                </Link>
              ) : version.runId ? (
                <span className="font-mono text-stone-600 dark:text-stone-400">{version.runId} (introuvable)</span>
              ) : (
                "—"
              )}
            </Field>
          </dl>
        </SectionCard>

        <SectionCard id="description-version" title="Description">
          <p className="whitespace-pre-wrap text-sm">{version.description || <span className="text-stone-600 dark:text-stone-400">Pas de description.</span>}</p>
        </SectionCard>

        <SectionCard id="signature" title="Signature">
          {signature ? (
            <div className="grid gap-4 md:grid-cols-2">
              <div>
                <h3 className="mb-1 text-sm font-medium">Entrées</h3>
                <SignatureTable caption="Entrées de la signature" columns={signature.inputs} />
              </div>
              <div>
                <h3 className="mb-1 text-sm font-medium">Sorties</h3>
                <SignatureTable caption="Sorties de la signature" columns={signature.outputs} />
              </div>
            </div>
          ) : (
            <p className="text-sm text-stone-600 dark:text-stone-400">Pas de signature : passez une signature (inferSignature) à logModel pour la voir ici.</p>
          )}
        </SectionCard>

        <div className="grid gap-4 md:grid-cols-2">
          <SectionCard id="tags-version" title={`Tags (${version.tags.length})`}>
            <KeyValueTable caption="Tags de la version" rows={version.tags} empty="Aucun tag : client.setModelVersionTag(…) en ajoute." />
          </SectionCard>
          <SectionCard id="historique-stades" title="Historique des stades">
            {transitions.length === 0 ? (
              <p className="text-sm text-stone-600 dark:text-stone-400">Aucune transition : la version est restée dans son stade initial.</p>
            ) : (
              <ol className="space-y-2 text-sm">
                {transitions.map((transition, index) => (
                  <li key={index} className="flex flex-wrap items-center gap-2">
                    <StageBadge stage={transition.fromStage} />
                    <span aria-label="vers">→</span>
                    <StageBadge stage={transition.toStage} />
                    <span className="text-xs text-stone-600 dark:text-stone-400">{formatDateTime(transition.timestamp)}</span>
                  </li>
                ))}
              </ol>
            )}
          </SectionCard>
        </div>
      </div>
    </main>
  );
}
