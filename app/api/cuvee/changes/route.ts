import type { NextRequest } from "next/server";
import { handleChangesRequest } from "@/lib/server/api";
import { WORKSPACE_COOKIE } from "@/lib/server/session/cookie";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The visitor's workspace's change feed (Server-Sent Events): what the live panel listens to instead of polling. */
export function GET(request: NextRequest): Promise<Response> {
  return handleChangesRequest(request.cookies.get(WORKSPACE_COOKIE)?.value, request);
}
