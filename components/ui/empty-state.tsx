import type { ReactNode } from "react";

/** What to show when there is nothing yet, saying what to do next. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded-xl border border-dashed border-stone-300 bg-white px-6 py-10 text-center dark:border-stone-700 dark:bg-stone-900">
      <p className="font-medium">{title}</p>
      {children && <div className="mx-auto mt-2 max-w-xl text-sm text-stone-600 dark:text-stone-400">{children}</div>}
    </div>
  );
}
