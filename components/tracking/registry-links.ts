/** URLs of the registry pages (model names may hold spaces and slashes). */
export function modelHref(name: string): string {
  return `/suivi/modeles/${encodeURIComponent(name)}`;
}

export function versionHref(name: string, version: string): string {
  return `${modelHref(name)}/versions/${encodeURIComponent(version)}`;
}

/** A route segment as typed: Next may hand it over still percent-encoded; a stray `%` stays as is. */
export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
