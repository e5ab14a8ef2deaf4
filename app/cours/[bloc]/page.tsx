import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SiteHeader } from "@/components/layout/site-header";
import { LessonPanes } from "@/components/lesson/lesson-panes";
import { LessonWorkbench } from "@/components/lesson/lesson-workbench";
import type { EarlierBloc } from "@/components/lesson/prepare-earlier-blocs";
import { renderLesson } from "@/components/lesson/render-lesson";
import { computeFileAjouts } from "@/lib/course/ajout";
import { CATALOG } from "@/lib/course/catalog";
import { loadAllBlocs, loadBloc } from "@/lib/course/load";
import { writtenBlocs } from "@/lib/course/written-blocs";
import { listDoneBlocs } from "@/lib/server/progress";
import { requireWorkspace } from "@/lib/server/session/current-workspace";

export const dynamic = "force-dynamic";

type Params = Promise<{ bloc: string }>;

/** The solutions of blocs 0..n-1, for the "start anywhere" preparation. */
async function earlierSolutions(n: number): Promise<EarlierBloc[]> {
  return (await loadAllBlocs())
    .filter((bloc) => bloc.frontmatter.bloc < n)
    .map(({ frontmatter, solutionFiles }) => ({
      bloc: frontmatter.bloc,
      title: frontmatter.title,
      entry: frontmatter.entry,
      files: solutionFiles,
    }));
}

function blocNumber(raw: string): number | undefined {
  return /^\d{1,2}$/.test(raw) ? Number(raw) : undefined;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const number = blocNumber((await params).bloc);
  // A bloc of the checklist not written yet is a missing page: its title says so (the page is the 404).
  const entry = number !== undefined && (await writtenBlocs()).has(number) ? CATALOG.find((item) => item.bloc === number) : undefined;
  return { title: entry ? `Bloc ${entry.bloc} : ${entry.title}` : "Page introuvable" };
}

export default async function BlocPage({ params }: { params: Params }) {
  const number = blocNumber((await params).bloc);
  const bloc = number === undefined ? undefined : await loadBloc(number);
  if (!bloc || number === undefined) notFound();

  const workspace = await requireWorkspace(`/cours/${number}`);
  const { frontmatter } = bloc;
  const entry = frontmatter.entry;
  const ajout = computeFileAjouts(bloc.startFiles, bloc.solutionFiles, entry);
  const [done, written, lesson] = await Promise.all([listDoneBlocs(workspace.id), writtenBlocs(), renderLesson(bloc.body, ajout, entry)]);
  const previous = written.has(number - 1) ? number - 1 : undefined;
  const earlier = await earlierSolutions(number);
  const next = written.has(number + 1) ? number + 1 : undefined;

  return (
    <>
      <SiteHeader done={done.length} total={CATALOG.length} />
      <main className="mx-auto grid max-w-[1600px] gap-6 px-4 py-6 lg:grid-cols-[minmax(0,5fr)_minmax(0,7fr)]">
        <LessonPanes>
          <article className="min-w-0">
            <p className="text-sm font-medium text-wine-600 dark:text-wine-200">
              Bloc {number} · parcours de {CATALOG.length} blocs
            </p>
            <h1 className="mt-1 text-2xl font-semibold tracking-tight sm:text-3xl">{frontmatter.title}</h1>
            <p className="mt-2 text-stone-600 dark:text-stone-300">{frontmatter.objective}</p>
            <p className="mt-3 inline-block rounded-full bg-stone-200/70 px-3 py-1 font-mono text-xs text-stone-700 dark:bg-stone-800 dark:text-stone-300">
              {frontmatter.concept}
            </p>
            <div className="lesson-prose mt-4">{lesson}</div>
            <nav aria-label="Blocs voisins" className="mt-10 flex justify-between border-t border-stone-200 pt-4 text-sm dark:border-stone-800">
              {previous !== undefined ? (
                <Link className="text-wine-600 dark:text-wine-200 hover:underline" href={`/cours/${previous}`}>
                  ← Bloc {previous}
                </Link>
              ) : (
                <span />
              )}
              {next !== undefined ? (
                <Link className="text-wine-600 dark:text-wine-200 hover:underline" href={`/cours/${next}`}>
                  Bloc {next} →
                </Link>
              ) : (
                <Link className="text-wine-600 dark:text-wine-200 hover:underline" href="/cours">
                  Retour au parcours
                </Link>
              )}
            </nav>
          </article>
          <LessonWorkbench
            bloc={number}
            entry={entry}
            startFiles={bloc.startFiles}
            solutionFiles={bloc.solutionFiles}
            python={bloc.python}
            trackingUri={workspace.trackingUri}
            timeLimitSeconds={frontmatter.timeLimitSeconds}
            initiallyDone={done.includes(number)}
            earlier={earlier}
          />
        </LessonPanes>
      </main>
    </>
  );
}
