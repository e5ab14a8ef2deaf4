/**
 * Runs before Next's router only for paths that cannot be percent-decoded (`/api/2.0/mlflow/%zz`,
 * `/w/%zz/api/…`, `%ff`): Next fails to decode them while matching its dynamic routes and
 * answers a plain-text 500, before any route handler could. Here they get a 400: MLflow's error
 * under the API prefixes, a French line elsewhere.
 *
 * The matcher is written so that no decodable path runs the proxy: a proxy buffers the request
 * body to hand it on, and cuts it at 10 MB (`proxyClientMaxBodySize`), which artifact uploads
 * exceed. It matches a path unless the whole path is plain characters and percent-escapes that
 * form valid UTF-8 (exactly what `decodeURIComponent` accepts; `lib/server/rest/request-line.test.ts`
 * checks both agree). Next also tries the matcher on the decoded path: a path that decodes to
 * something malformed (`%252z` → `%2z`) runs the proxy, which lets it through.
 *
 * It must be a literal: Next reads it when building.
 */
import type { NextRequest } from "next/server";
import { isDecodablePath, malformedPathResponse } from "@/lib/server/rest/request-line";

export function proxy(request: NextRequest): Response | undefined {
  if (isDecodablePath(request.nextUrl.pathname)) return undefined;
  return malformedPathResponse(request);
}

export const config = {
  matcher:
    "/((?!(?:[^%]|%[0-7][0-9A-Fa-f]|%[Cc][2-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Dd][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee]0%[ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][1-9A-Ca-c]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][Dd]%[89][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ee][EeFf]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]0%[9ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff][1-3]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]|%[Ff]4%8[0-9A-Fa-f]%[89ABab][0-9A-Fa-f]%[89ABab][0-9A-Fa-f])*$).*)",
};
