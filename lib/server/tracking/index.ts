/**
 * The tracking store, server-side. Route handlers and Server Components get a store bound to a
 * workspace and receive entities, never Prisma rows.
 */
import { getDb } from "@/lib/server/db";
import { PrismaTrackingStore } from "./prisma/store";
import type { TrackingStore } from "./store";

export async function getTrackingStore(workspaceId: string): Promise<TrackingStore> {
  return new PrismaTrackingStore(await getDb(), workspaceId);
}

/** For the registry: a run's files, and whether it is this workspace's (see `findRunArtifactUri`). */
export { findRunArtifactUri } from "./prisma/runs";
export * from "./constants";
export type * from "./entities";
export type * from "./store";
