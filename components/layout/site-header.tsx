import Link from "next/link";
import { THEME_SCRIPT } from "@/components/ui/theme-script";
import { ThemeToggle } from "@/components/ui/theme-toggle";
import { NavLink } from "./nav-link";

/** The bar on every page: the brand, the course, the learner's tracking pages and progress. */
export function SiteHeader({ done, total }: { done?: number; total?: number }) {
  return (
    <header className="sticky top-0 z-20 border-b border-wine-900/20 bg-wine-700 text-white shadow-sm">
      {/* Every page renders this header first, so the theme is set before the content paints. */}
      <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      <div className="mx-auto flex h-14 max-w-[1600px] items-center gap-3 px-4 sm:gap-6">
        <Link href="/cours" className="flex shrink-0 items-center gap-2 font-semibold tracking-tight">
          <svg aria-hidden="true" viewBox="0 0 24 24" className="h-6 w-6" fill="none" stroke="currentColor" strokeWidth="1.8">
            <path d="M7 3h10l-.6 6.2A4.5 4.5 0 0 1 12 13.5 4.5 4.5 0 0 1 7.6 9.2L7 3Z" />
            <path d="M7.4 7.5h9.2" />
            <path d="M12 13.5V20M8.5 20.5h7" strokeLinecap="round" />
          </svg>
          <span className="sr-only text-lg min-[440px]:not-sr-only">Cuvée</span>
          <span className="hidden text-sm font-normal text-wine-100 lg:inline">apprendre MLflow, bloc par bloc</span>
        </Link>
        <nav aria-label="Navigation principale" className="ml-auto flex min-w-0 items-center gap-0.5 text-sm sm:gap-3">
          <NavLink href="/cours">Parcours</NavLink>
          <NavLink href="/suivi" exclude="/suivi/modeles">
            Expériences
          </NavLink>
          <NavLink href="/suivi/modeles">Modèles</NavLink>
          {done !== undefined && total !== undefined && (
            // Shown on a phone too, shortened to "3/30": the learner's progress is why they come back.
            <span className="shrink-0 whitespace-nowrap rounded-full bg-white/15 px-2 py-1 text-xs tabular-nums sm:px-3" data-testid="progress-counter">
              <span className="sr-only">Progression : </span>
              {done}
              <span className="sm:hidden">/</span>
              <span className="hidden sm:inline"> / </span>
              {total}
              <span className="sr-only sm:not-sr-only"> blocs</span>
            </span>
          )}
          <ThemeToggle />
        </nav>
      </div>
    </header>
  );
}
