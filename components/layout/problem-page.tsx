import Link from "next/link";
import type { ReactNode } from "react";
import { SiteHeader } from "./site-header";

/**
 * What a missing page or an error shows: the site's header, a French explanation and the ways
 * back (the course, the tracking pages). `action` is an extra button, such as "Réessayer".
 */
export function ProblemPage({ code, title, children, action }: { code: string; title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <>
      <SiteHeader />
      <main className="mx-auto max-w-2xl px-4 py-16">
        <p className="font-mono text-sm font-medium text-wine-700 dark:text-wine-200">{code}</p>
        <h1 className="mt-1 text-3xl font-semibold tracking-tight">{title}</h1>
        <div className="mt-3 text-stone-700 dark:text-stone-300">{children}</div>
        <nav aria-label="Où aller" className="mt-8 flex flex-wrap items-center gap-3 text-sm">
          {action}
          <Link href="/cours" className="rounded-md bg-wine-700 px-3 py-1.5 font-medium text-white hover:bg-wine-600">
            Retour au parcours
          </Link>
          <Link href="/suivi" className="rounded-md border border-stone-300 px-3 py-1.5 font-medium hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800">
            Vos expériences
          </Link>
        </nav>
      </main>
    </>
  );
}
