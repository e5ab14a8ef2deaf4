/** A model version's registry stage as a coloured label (MLflow's stage names, kept in English as in its UI). */
export const STAGE_LABEL: Record<string, { text: string; style: string }> = {
  None: { text: "aucun stade", style: "bg-stone-200 text-stone-700 dark:bg-stone-800 dark:text-stone-300" },
  Staging: { text: "Staging", style: "bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-100" },
  Production: { text: "Production", style: "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/50 dark:text-emerald-200" },
  Archived: { text: "Archived", style: "bg-stone-200 text-stone-700 dark:bg-stone-800 dark:text-stone-300" },
};

export function StageBadge({ stage }: { stage: string }) {
  const label = STAGE_LABEL[stage] ?? { text: stage, style: "bg-stone-200 dark:bg-stone-800" };
  return <span className={`inline-block whitespace-nowrap rounded-full px-2 py-0.5 text-[11px] ${label.style}`}>{label.text}</span>;
}
