/** The runs table as CSV (RFC 4180 quoting), with the same columns the table shows. */

export interface CsvRun {
  runId: string;
  runName: string;
  status: string;
  startTime: number;
  endTime: number | null;
  params: Record<string, string>;
  metrics: Record<string, number>;
  tags: Record<string, string>;
}

function cell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return /[",\n\r]/u.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function runsToCsv(runs: readonly CsvRun[], columns: { params: readonly string[]; metrics: readonly string[]; tags: readonly string[] }): string {
  const header = [
    "run_id",
    "run_name",
    "status",
    "start_time",
    "end_time",
    ...columns.params.map((key) => `params.${key}`),
    ...columns.metrics.map((key) => `metrics.${key}`),
    ...columns.tags.map((key) => `tags.${key}`),
  ];
  const lines = runs.map((run) =>
    [
      run.runId,
      run.runName,
      run.status,
      new Date(run.startTime).toISOString(),
      run.endTime === null ? "" : new Date(run.endTime).toISOString(),
      ...columns.params.map((key) => run.params[key]),
      ...columns.metrics.map((key) => run.metrics[key]),
      ...columns.tags.map((key) => run.tags[key]),
    ]
      .map(cell)
      .join(","),
  );
  return [header.map(cell).join(","), ...lines].join("\r\n") + "\r\n";
}
