import Link from "next/link";

export interface Crumb {
  label: string;
  /** Absent for the current page. */
  href?: string;
}

/** Where the page sits in the tracking pages; the last crumb is the current page. */
export function Breadcrumbs({ items }: { items: readonly Crumb[] }) {
  return (
    <nav aria-label="Fil d'Ariane" className="mb-3 text-sm text-stone-600 dark:text-stone-400">
      <ol className="flex flex-wrap items-center gap-1">
        {items.map((item, index) => (
          <li key={`${index}-${item.label}`} className="flex min-w-0 items-center gap-1">
            {index > 0 && <span aria-hidden="true">/</span>}
            {item.href ? (
              <Link href={item.href} className="truncate hover:text-wine-600 hover:underline dark:hover:text-wine-200">
                {item.label}
              </Link>
            ) : (
              <span aria-current="page" className="truncate text-stone-700 dark:text-stone-200">
                {item.label}
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
