import type { NextRequest } from "next/server";
import { openSession } from "@/lib/server/session/routes";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * Gives the visitor a workspace (keeping a valid existing one) and sends them on to `next`.
 * Reached by redirect from any page visited without a workspace.
 */
export function GET(request: NextRequest): Promise<Response> {
  return openSession(request);
}
