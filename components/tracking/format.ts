/** How tracking values read in French: dates, durations and metric values. */

const DATE_TIME = new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeStyle: "medium", timeZone: "UTC" });

/** Dates are shown in UTC so the server's render and the browser's agree (no hydration mismatch). */
export function formatDateTime(milliseconds: number | null | undefined): string {
  if (milliseconds === null || milliseconds === undefined || milliseconds <= 0) return "—";
  return `${DATE_TIME.format(new Date(milliseconds))} UTC`;
}

export function formatDuration(start: number, end: number | null): string {
  if (end === null || end < start) return "—";
  const seconds = (end - start) / 1000;
  if (seconds < 1) return `${Math.round(seconds * 1000)} ms`;
  if (seconds < 60) return `${seconds.toFixed(1).replace(".", ",")} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.round(seconds % 60)} s`;
}

/** Four significant digits, as the live panel and MLflow's tables show metrics; NaN and infinities spelled out. */
export function formatMetric(value: number | undefined): string {
  if (value === undefined) return "—";
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "+∞" : "−∞";
  if (Number.isInteger(value)) return String(value);
  const abs = Math.abs(value);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e6)) return value.toExponential(3);
  return value.toPrecision(4).replace(/\.?0+$/u, "");
}
