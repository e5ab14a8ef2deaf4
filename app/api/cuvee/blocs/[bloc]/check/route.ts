import { NextResponse, type NextRequest } from "next/server";
import { checkRequestSchema, type CheckResponse } from "@/lib/course/check-contract";
import { runBlocCheck } from "@/lib/server/checks/run-check";
import { WORKSPACE_COOKIE } from "@/lib/server/session/cookie";
import { workspaceExists } from "@/lib/server/workspaces";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Runs a bloc's check on the learner's workspace; a pass ticks the bloc in their progress. */
export async function POST(request: NextRequest, { params }: { params: Promise<{ bloc: string }> }) {
  const { bloc: raw } = await params;
  const workspaceId = request.cookies.get(WORKSPACE_COOKIE)?.value;
  if (!workspaceId || !(await workspaceExists(workspaceId))) {
    return NextResponse.json<CheckResponse>({ error: "Espace de travail inconnu : rechargez la page pour en ouvrir un." }, { status: 401 });
  }
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return NextResponse.json<CheckResponse>({ error: "Requête de vérification illisible (JSON invalide)." }, { status: 400 });
  }
  const parsed = checkRequestSchema.safeParse(body);
  if (!parsed.success || !/^\d{1,2}$/.test(raw)) {
    return NextResponse.json<CheckResponse>({ error: "Requête de vérification invalide." }, { status: 400 });
  }
  const verdict = await runBlocCheck(workspaceId, Number(raw), parsed.data);
  if (!verdict) return NextResponse.json<CheckResponse>({ error: `Le bloc ${raw} n'a pas de vérification.` }, { status: 404 });
  return NextResponse.json<CheckResponse>(verdict);
}
