import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { runBlocCheck } from "@/lib/server/course/run-check";
import { WORKSPACE_COOKIE } from "@/lib/server/session/cookie";
import { workspaceExists } from "@/lib/server/workspaces";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const checkRequestSchema = z.object({
  /** What the learner's last run printed. */
  output: z.string().max(1_000_000).default(""),
  /** The learner's files, by path. */
  code: z.record(z.string(), z.string().max(200_000)).default({}),
  /** The runs the last execution created (the runner reports them). */
  runIds: z.array(z.string().max(64)).max(10_000).optional(),
});

/** Runs a bloc's check on the learner's workspace; a pass ticks the bloc in their progress. */
export async function POST(request: NextRequest, { params }: { params: Promise<{ bloc: string }> }) {
  const { bloc: raw } = await params;
  const workspaceId = request.cookies.get(WORKSPACE_COOKIE)?.value;
  if (!workspaceId || !(await workspaceExists(workspaceId))) {
    return NextResponse.json({ error: "Espace de travail inconnu : rechargez la page pour en ouvrir un." }, { status: 401 });
  }
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return NextResponse.json({ error: "Requête de vérification illisible (JSON invalide)." }, { status: 400 });
  }
  const parsed = checkRequestSchema.safeParse(body);
  if (!parsed.success || !/^\d{1,2}$/.test(raw)) {
    return NextResponse.json({ error: "Requête de vérification invalide." }, { status: 400 });
  }
  const verdict = await runBlocCheck(workspaceId, Number(raw), parsed.data);
  if (!verdict) return NextResponse.json({ error: `Le bloc ${raw} n'a pas de vérification.` }, { status: 404 });
  return NextResponse.json(verdict);
}
