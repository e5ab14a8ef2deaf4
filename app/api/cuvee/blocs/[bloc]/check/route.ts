import { NextResponse, type NextRequest } from "next/server";
import { CHECK_MAX_REQUEST_BYTES, checkRequestSchema, type CheckResponse } from "@/lib/course/check-contract";
import { runBlocCheck, UncheckableCodeError } from "@/lib/server/checks/run-check";
import { BodyTooLargeError, readBodyWithin } from "@/lib/server/rest";
import { WORKSPACE_COOKIE } from "@/lib/server/session/cookie";
import { workspaceExists } from "@/lib/server/workspaces";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const TOO_LARGE =
  `Votre code et la sortie de votre exécution sont trop volumineux pour être vérifiés (plus de ${CHECK_MAX_REQUEST_BYTES / (1024 * 1024)} Mo). ` +
  "Réduisez ce que votre script affiche, réexécutez-le, puis vérifiez à nouveau.";

/** Runs a bloc's check on the learner's workspace; a pass ticks the bloc in their progress. */
export async function POST(request: NextRequest, { params }: { params: Promise<{ bloc: string }> }) {
  const { bloc: raw } = await params;
  const workspaceId = request.cookies.get(WORKSPACE_COOKIE)?.value;
  if (!workspaceId || !(await workspaceExists(workspaceId))) {
    return NextResponse.json<CheckResponse>({ error: "Espace de travail inconnu : rechargez la page pour en ouvrir un." }, { status: 401 });
  }
  let body: unknown;
  try {
    // Read under a ceiling, so that a huge post costs at most the ceiling in memory.
    body = JSON.parse(new TextDecoder().decode(await readBodyWithin(request, CHECK_MAX_REQUEST_BYTES)));
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      return NextResponse.json<CheckResponse>({ error: TOO_LARGE }, { status: 413 });
    }
    return NextResponse.json<CheckResponse>({ error: "Requête de vérification illisible (JSON invalide)." }, { status: 400 });
  }
  const parsed = checkRequestSchema.safeParse(body);
  if (!parsed.success || !/^\d{1,2}$/.test(raw)) {
    return NextResponse.json<CheckResponse>({ error: "Requête de vérification invalide." }, { status: 400 });
  }
  try {
    const verdict = await runBlocCheck(workspaceId, Number(raw), parsed.data);
    if (!verdict) return NextResponse.json<CheckResponse>({ error: `Le bloc ${raw} n'a pas de vérification.` }, { status: 404 });
    return NextResponse.json<CheckResponse>(verdict);
  } catch (error) {
    if (error instanceof UncheckableCodeError) return NextResponse.json<CheckResponse>(error.verdict, { status: 400 });
    // Whatever else went wrong is the server's: logged here, and still a sentence the workbench shows.
    console.error("[check] unexpected error", error);
    return NextResponse.json<CheckResponse>(
      { error: "La vérification a échoué sur le serveur. Réessayez dans un instant ; si cela persiste, signalez-le." },
      { status: 500 },
    );
  }
}
