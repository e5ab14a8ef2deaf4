/**
 * The data files every bloc's code can read from its working directory (the course dataset,
 * served from `public/data/`). The lesson page fetches them from `/data/<name>`; the Node CLI
 * reads them from `public/data/`. One list for both.
 */
export const BLOC_DATA_FILES = ["red-wine-quality.csv"] as const;
