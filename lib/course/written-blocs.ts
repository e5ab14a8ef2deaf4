import { listBlocFolders } from "./load";

/** Bloc numbers that have a lesson (the others show as "bientôt" in the checklist). */
export async function writtenBlocs(): Promise<Set<number>> {
  return new Set((await listBlocFolders()).keys());
}
