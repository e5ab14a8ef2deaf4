import Link from "next/link";

/** The bar on every page: the brand, the way back to the course, and the learner's progress. */
export function SiteHeader({ done, total }: { done?: number; total?: number }) {
  return (
    <header className="sticky top-0 z-20 border-b border-wine-900/20 bg-wine-700 text-white shadow-sm">
      <div className="mx-auto flex h-14 max-w-[1600px] items-center gap-6 px-4">
        <Link href="/cours" className="flex items-center gap-2 font-semibold tracking-tight">
          <svg aria-hidden="true" viewBox="0 0 24 24" className="h-6 w-6" fill="none" stroke="currentColor" strokeWidth="1.8">
            <path d="M7 3h10l-.6 6.2A4.5 4.5 0 0 1 12 13.5 4.5 4.5 0 0 1 7.6 9.2L7 3Z" />
            <path d="M7.4 7.5h9.2" />
            <path d="M12 13.5V20M8.5 20.5h7" strokeLinecap="round" />
          </svg>
          <span className="text-lg">Cuvée</span>
          <span className="hidden text-sm font-normal text-wine-100 sm:inline">apprendre MLflow, bloc par bloc</span>
        </Link>
        <nav aria-label="Navigation principale" className="ml-auto flex items-center gap-4 text-sm">
          <Link href="/cours" className="rounded px-2 py-1 hover:bg-white/10">
            Parcours
          </Link>
          {done !== undefined && total !== undefined && (
            <span className="rounded-full bg-white/15 px-3 py-1 text-xs" aria-label={`Progression : ${done} blocs faits sur ${total}`}>
              {done} / {total} blocs
            </span>
          )}
        </nav>
      </div>
    </header>
  );
}
