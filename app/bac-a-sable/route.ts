import { requireWorkspace } from "@/lib/server/session/current-workspace";
import { SANDBOX_FRAME_PATH } from "@/lib/runner/sandbox-frame-protocol";
import { sandboxFrameDocument, sandboxFrameHeaders } from "@/lib/runner/sandbox-frame";

/**
 * The sandbox frame the lesson page embeds to run learner code on an opaque origin, allowed to
 * reach only this visitor's tracking URI (lib/runner/sandbox-frame.ts, docs/decisions/010).
 * Per visitor, never cached.
 */
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const { trackingUri } = await requireWorkspace(SANDBOX_FRAME_PATH);
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const options = { trackingUri, nonce };
  return new Response(sandboxFrameDocument(options), { headers: sandboxFrameHeaders(options) });
}
