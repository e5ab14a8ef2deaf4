/** A run's status as a coloured French label. */
const STATUS_LABEL: Record<string, { text: string; style: string }> = {
  RUNNING: { text: "en cours", style: "bg-sky-100 text-sky-800 dark:bg-sky-900/50 dark:text-sky-200" },
  FINISHED: { text: "terminé", style: "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/50 dark:text-emerald-200" },
  FAILED: { text: "échoué", style: "bg-red-100 text-red-800 dark:bg-red-900/50 dark:text-red-200" },
  KILLED: { text: "interrompu", style: "bg-stone-200 text-stone-700 dark:bg-stone-800 dark:text-stone-300" },
  SCHEDULED: { text: "prévu", style: "bg-stone-200 text-stone-700 dark:bg-stone-800 dark:text-stone-300" },
};

export function RunStatusBadge({ status }: { status: string }) {
  const label = STATUS_LABEL[status] ?? { text: status, style: "bg-stone-200 dark:bg-stone-800" };
  return <span className={`inline-block whitespace-nowrap rounded-full px-2 py-0.5 text-[11px] ${label.style}`}>{label.text}</span>;
}
