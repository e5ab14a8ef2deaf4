/** Shown while a tracking page reads the store (navigation, a filter or a sort being applied). */
export default function TrackingLoading() {
  return (
    <main className="mx-auto max-w-6xl px-4 py-6">
      <div role="status" className="flex items-center gap-3 text-sm text-stone-600 dark:text-stone-400">
        <span aria-hidden="true" className="h-4 w-4 animate-spin rounded-full border-2 border-wine-600 border-t-transparent" />
        Chargement de votre suivi…
      </div>
      <div aria-hidden="true" className="mt-6 space-y-3">
        <div className="h-8 w-64 animate-pulse rounded bg-stone-200 dark:bg-stone-800" />
        <div className="h-24 animate-pulse rounded-xl bg-stone-200 dark:bg-stone-800" />
        <div className="h-64 animate-pulse rounded-xl bg-stone-200 dark:bg-stone-800" />
      </div>
    </main>
  );
}
