/**
 * Reading a request body under a ceiling, so that memory stays bounded whatever a client sends:
 * a declared `Content-Length` over the ceiling is refused before a byte is read, and a body
 * without one (chunked, or a stream) is read chunk by chunk and abandoned as soon as it passes
 * the ceiling. Knows no error format: callers turn `BodyTooLargeError` into their own answer.
 */

/** The default ceiling of a REST request body when `CUVEE_API_MAX_BODY_BYTES` is unset (1 MiB). */
export const DEFAULT_API_MAX_BODY_BYTES = 1_048_576;

/** A positive integer from the environment, else the default (a typo must not lift a limit). */
export function byteLimitFromEnv(name: string, fallback: number, env: Readonly<Record<string, string | undefined>> = process.env): number {
  const raw = env[name]?.trim();
  if (!raw || !/^\d+$/.test(raw)) return fallback;
  const value = Number(raw);
  return Number.isSafeInteger(value) && value > 0 ? value : fallback;
}

/** The ceiling of a REST request body without a limit of its own (`CUVEE_API_MAX_BODY_BYTES`). */
export function defaultApiMaxBodyBytes(): number {
  return byteLimitFromEnv("CUVEE_API_MAX_BODY_BYTES", DEFAULT_API_MAX_BODY_BYTES);
}

export class BodyTooLargeError extends Error {
  override readonly name = "BodyTooLargeError";

  constructor(
    readonly limit: number,
    /** The declared length when the client gave one, else the bytes received before reading stopped. */
    readonly size: number,
    /** Whether `size` is the whole body's (declared) or only a lower bound (reading stopped early). */
    readonly sizeIsExact: boolean,
  ) {
    super(`request body over ${limit} bytes`);
  }
}

/** The body's declared length, when the header is a plain number. */
export function declaredLength(request: Request): number | undefined {
  const header = request.headers.get("content-length");
  if (header === null || !/^\d+$/.test(header.trim())) return undefined;
  const value = Number(header);
  return Number.isSafeInteger(value) ? value : undefined;
}

/**
 * The whole body, at most `maxBytes` of it; throws `BodyTooLargeError` as soon as it is known to
 * be longer. Never holds more than `maxBytes` plus one chunk.
 */
export async function readBodyWithin(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = declaredLength(request);
  if (declared !== undefined && declared > maxBytes) {
    // Nothing is read: the server drops the rest of the upload once the answer is sent.
    await request.body?.cancel().catch(() => undefined);
    throw new BodyTooLargeError(maxBytes, declared, true);
  }
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError(maxBytes, total, false);
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
