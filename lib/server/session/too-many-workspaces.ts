/**
 * The answer when a client has opened too many workspaces (creation-limit.ts): a short French
 * page, since the session route is reached by a browser navigation, with `Retry-After`.
 */

function waitInFrench(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return minutes === 1 ? "une minute" : `${minutes} minutes`;
}

export function tooManyWorkspacesResponse(retryAfterSeconds: number): Response {
  const wait = waitInFrench(retryAfterSeconds);
  const html = `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Trop de nouveaux espaces — Cuvée</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem; line-height: 1.5">
<h1>Trop de nouveaux espaces de travail</h1>
<p>Beaucoup d'espaces de travail viennent d'être ouverts depuis votre réseau, et le serveur en limite le nombre par heure.</p>
<p>Réessayez dans ${wait}. Si vous avez déjà un espace, ouvrez plutôt votre lien de reprise (<code>/reprendre/…</code>) : il ne compte pas dans cette limite.</p>
<p><a href="/cours">Réessayer</a></p>
</body>
</html>
`;
  return new Response(html, {
    status: 429,
    headers: { "Content-Type": "text/html; charset=utf-8", "Retry-After": String(retryAfterSeconds), "Cache-Control": "no-store" },
  });
}
