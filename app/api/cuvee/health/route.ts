import { NextResponse } from "next/server";
import { getDb } from "@/lib/server/db";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Ready when the database is reachable and migrated (used by tests and process managers). */
export async function GET() {
  try {
    const db = await getDb();
    await db.workspace.count();
    return NextResponse.json({ status: "ok" });
  } catch (error) {
    console.error("health check failed", error);
    return NextResponse.json({ status: "error", message: "La base de données n'est pas disponible." }, { status: 503 });
  }
}
