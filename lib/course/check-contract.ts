import { z } from "zod";
import type { CodeFiles } from "./code-files";

/**
 * What the lesson page sends to `POST /api/cuvee/blocs/<n>/check` and what it gets back: one
 * source for the API route, the server's checks and the lesson workbench. Pure (no server code),
 * so the browser may import it.
 */

/**
 * Bytes of a check request's body: the server stops reading past it (memory stays bounded
 * whatever is posted). Room for the largest output and code the schema below accepts.
 */
export const CHECK_MAX_REQUEST_BYTES = 4 * 1024 * 1024;
/** Files of a check request: a bloc's project has a handful. */
export const CHECK_MAX_FILES = 50;
/** Characters of one file of a check request. */
export const CHECK_MAX_FILE_CHARS = 200_000;

/** The evidence of the learner's last execution, which the bloc's check judges. */
export const checkRequestSchema = z.object({
  /** What the learner's last run printed. */
  output: z.string().max(1_000_000).default(""),
  /** The learner's files, by path. */
  code: z
    .record(z.string().max(500), z.string().max(CHECK_MAX_FILE_CHARS))
    .refine((files) => Object.keys(files).length <= CHECK_MAX_FILES)
    .default({}) satisfies z.ZodType<CodeFiles>,
  /** The runs the last execution created (the runner reports them). */
  runIds: z.array(z.string().max(64)).max(10_000).optional(),
});

/** The request body as sent (fields with defaults may be left out). */
export type CheckRequestBody = z.input<typeof checkRequestSchema>;
/** The request as the server reads it, defaults applied. */
export type CheckRequest = z.output<typeof checkRequestSchema>;

/** A check's answer, in French: whether the bloc is done and what is missing. */
export const verdictSchema = z.object({
  passed: z.boolean(),
  message: z.string(),
  /** What is missing or wrong, one French sentence each. */
  details: z.array(z.string()).optional(),
});

export type Verdict = z.infer<typeof verdictSchema>;

/** The route's refusal (unknown workspace, invalid request, bloc without a check). */
export const checkErrorSchema = z.object({ error: z.string() });

/** The response body: a verdict, or an error. */
export const checkResponseSchema = z.union([verdictSchema, checkErrorSchema]);

export type CheckResponse = z.infer<typeof checkResponseSchema>;
