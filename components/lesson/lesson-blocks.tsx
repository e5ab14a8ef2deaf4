import type { ReactNode } from "react";

/**
 * The seed course's lesson structure (Objectif, Instructions, Pourquoi, Python → TypeScript),
 * as MDX components. Each one is a labelled section so that screen readers announce it.
 */

function Callout({ label, tone, children }: { label: string; tone: "wine" | "stone" | "amber" | "sky"; children: ReactNode }) {
  const tones = {
    wine: "border-wine-500 bg-wine-50 dark:bg-wine-900/30",
    stone: "border-stone-400 bg-white dark:bg-stone-900",
    amber: "border-amber-500 bg-amber-50 dark:bg-amber-950/30",
    sky: "border-sky-600 bg-sky-50 dark:bg-sky-950/30",
  } as const;
  return (
    <section aria-label={label} className={`my-5 rounded-r-lg border-l-4 px-4 py-3 ${tones[tone]}`}>
      <p className="mb-1 text-xs font-semibold uppercase tracking-wider text-stone-600 dark:text-stone-300">{label}</p>
      <div className="lesson-callout">{children}</div>
    </section>
  );
}

export function Objectif({ children }: { children: ReactNode }) {
  return <Callout label="Objectif" tone="wine">{children}</Callout>;
}

export function Instructions({ children }: { children: ReactNode }) {
  return <Callout label="Instructions" tone="stone">{children}</Callout>;
}

export function Pourquoi({ children }: { children: ReactNode }) {
  return <Callout label="Pourquoi ?" tone="amber">{children}</Callout>;
}

export function PythonVersTs({ children }: { children: ReactNode }) {
  return <Callout label="Python → TypeScript" tone="sky">{children}</Callout>;
}

/** The seed's closing summary: a table of what the bloc introduced and what each piece does. */
export function Resume({ children }: { children: ReactNode }) {
  return <Callout label="Résumé" tone="stone">{children}</Callout>;
}

/** Components an author writes by hand in MDX (their names are in lib/course/lesson-components.ts). `Ajout` and `Position` are derived per bloc (see render-lesson). */
export const lessonComponents = { Objectif, Instructions, Pourquoi, PythonVersTs, Resume };
