import { CATALOG } from "@/lib/course/catalog";
import { writtenBlocs } from "@/lib/course/written-blocs";

/**
 * The path of the checklist's first bloc without a lesson, which answers 404 (undefined once the
 * 30 are written): specs and screenshots follow the course as it grows, never a fixed number.
 */
export async function unwrittenBlocPath(): Promise<string | undefined> {
  const written = await writtenBlocs();
  const bloc = CATALOG.find((entry) => !written.has(entry.bloc))?.bloc;
  return bloc === undefined ? undefined : `/cours/${bloc}`;
}
