/** Colours shared by the tracking charts; axes use currentColor so light and dark themes both read. */
export const SERIES_COLORS = ["#a23b57", "#0f766e", "#b45309", "#4338ca", "#be185d", "#15803d", "#0369a1", "#7c2d12"];

export const AXIS_TICK = { fill: "currentColor", fontSize: 12 } as const;

export function seriesColor(index: number): string {
  return SERIES_COLORS[index % SERIES_COLORS.length]!;
}
