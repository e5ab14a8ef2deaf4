import type { Metadata } from "next";
import Link from "next/link";
import { ResumeLink } from "@/components/layout/resume-link";
import { SiteHeader } from "@/components/layout/site-header";
import { CATALOG } from "@/lib/course/catalog";
import { writtenBlocs } from "@/lib/course/written-blocs";
import { listDoneBlocs } from "@/lib/server/progress";
import { requireWorkspace } from "@/lib/server/session/current-workspace";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Parcours" };

export default async function CoursePage({ searchParams }: { searchParams: Promise<{ reprise?: string }> }) {
  const workspace = await requireWorkspace("/cours");
  const [done, written, { reprise }] = await Promise.all([listDoneBlocs(workspace.id), writtenBlocs(), searchParams]);
  const doneSet = new Set(done);

  return (
    <>
      <SiteHeader done={doneSet.size} total={CATALOG.length} />
      <main className="mx-auto max-w-4xl px-4 py-10">
        <h1 className="text-3xl font-semibold tracking-tight">Le parcours MLflow</h1>
        <p className="mt-2 max-w-2xl text-stone-600 dark:text-stone-300">
          Trente blocs, du premier run au modèle servi en production. Chaque bloc ajoute quelques lignes au même script ;
          il est coché quand sa vérification passe sur votre propre serveur de suivi.
        </p>
        <p className="mt-2 max-w-2xl text-stone-600 dark:text-stone-300">
          {written.size === CATALOG.length
            ? "Tous les blocs sont écrits."
            : `${written.size} blocs sur ${CATALOG.length} sont écrits pour l'instant ; les autres sont marqués « Bientôt ».`}
        </p>
        {reprise === "introuvable" && (
          <p role="alert" className="mt-4 rounded-md border border-amber-400 bg-amber-50 px-4 py-2 text-sm text-amber-900">
            Ce lien de reprise ne correspond à aucun espace de travail. Vous travaillez dans un nouvel espace.
          </p>
        )}

        <ol aria-label="Liste des blocs" className="mt-8 divide-y divide-stone-200 overflow-hidden rounded-xl border border-stone-200 bg-white dark:divide-stone-800 dark:border-stone-800 dark:bg-stone-900">
          {CATALOG.map((entry) => {
            const isDone = doneSet.has(entry.bloc);
            const isWritten = written.has(entry.bloc);
            const label = `Bloc ${entry.bloc} : ${entry.title}`;
            const status = isDone ? "fait" : isWritten ? "à faire" : "bientôt";
            return (
              <li key={entry.bloc} aria-label={`${label} (${status})`} className="flex items-center gap-4 px-4 py-3">
                <span
                  aria-hidden="true"
                  className={`flex h-7 w-7 shrink-0 items-center justify-center rounded-full text-xs font-semibold ${
                    isDone ? "bg-emerald-600 text-white" : "bg-stone-100 text-stone-600 dark:bg-stone-800 dark:text-stone-300"
                  }`}
                >
                  {isDone ? "✓" : entry.bloc}
                </span>
                <div className="min-w-0 flex-1">
                  {isWritten ? (
                    <Link href={`/cours/${entry.bloc}`} className="font-medium text-stone-900 hover:text-wine-600 hover:underline dark:text-stone-100">
                      {label}
                    </Link>
                  ) : (
                    <span className="font-medium text-stone-600 dark:text-stone-400">{label}</span>
                  )}
                  <p className="truncate text-sm text-stone-600 dark:text-stone-400">{entry.concept}</p>
                </div>
                <span
                  className={`rounded-full px-2.5 py-0.5 text-xs ${
                    isDone
                      ? "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/40 dark:text-emerald-200"
                      : isWritten
                        ? "bg-wine-100 text-wine-700 dark:bg-wine-900/40 dark:text-wine-200"
                        : "bg-stone-100 text-stone-600 dark:bg-stone-800 dark:text-stone-300"
                  }`}
                >
                  {isDone ? "Fait" : isWritten ? "À faire" : "Bientôt"}
                </span>
              </li>
            );
          })}
        </ol>

        <section aria-labelledby="reprise-titre" className="mt-10 rounded-xl border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900">
          <h2 id="reprise-titre" className="font-semibold">
            Reprendre sur un autre navigateur
          </h2>
          <p className="mb-3 mt-1 text-sm text-stone-600 dark:text-stone-300">
            Votre progression et vos runs sont gardés sur le serveur, dans un espace de travail anonyme. Gardez ce lien : il
            vous y ramène depuis n'importe quel navigateur.
          </p>
          <ResumeLink url={workspace.resumeUrl} />
          <p className="mt-3 text-xs text-stone-600 dark:text-stone-400">
            URI de suivi MLflow de cet espace : <code className="font-mono">{workspace.trackingUri}</code>
          </p>
        </section>
      </main>
    </>
  );
}
