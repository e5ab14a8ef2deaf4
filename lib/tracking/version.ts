/**
 * Versions written into model folders (the environment file and the flavors), pinned exactly.
 * The SDK and the kit ship together in Cuvée, so both carry the app's version; a unit test keeps
 * these equal to package.json's (one source, checked).
 */
export const CUVEE_VERSION = "0.1.0";

