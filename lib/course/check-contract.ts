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

/** Characters of an execution error's name and message the check accepts (a thrown string may be any length). */
export const EXECUTION_ERROR_MAX_NAME = 200;
export const EXECUTION_ERROR_MAX_MESSAGE = 5_000;

/** How the learner's last execution ended (the runner's outcome), with the error that ended it. */
export const executionSchema = z.object({
  status: z.enum(["succeeded", "failed", "timed-out", "stopped"]),
  /** The time limit a timed-out execution reached. */
  timeoutMs: z.number().int().positive().max(3_600_000).optional(),
  /** The first error the execution reported (a failed one has one; a stopped one may not). */
  error: z
    .object({
      name: z.string().max(EXECUTION_ERROR_MAX_NAME),
      message: z.string().max(EXECUTION_ERROR_MAX_MESSAGE),
      location: z.object({ file: z.string().max(500), line: z.number().int().nonnegative(), column: z.number().int().nonnegative() }).optional(),
    })
    .optional(),
});

export type Execution = z.infer<typeof executionSchema>;

/** The evidence of the learner's last execution, which the bloc's check judges. */
export const checkRequestSchema = z.object({
  /**
   * How the last execution ended; absent when the page has not run the code since it loaded
   * (the check then asks for an execution first: lib/server/checks/execution-gate.ts).
   */
  execution: executionSchema.optional(),
  /** What the learner's last run printed. */
  output: z.string().max(1_000_000).default(""),
  /** The learner's files, by path. */
  code: z
    .record(z.string().max(500), z.string().max(CHECK_MAX_FILE_CHARS))
    .refine((files) => Object.keys(files).length <= CHECK_MAX_FILES)
    .default({}) satisfies z.ZodType<CodeFiles>,
  /** The runs the last execution created (the runner reports them); the run-based checks judge these only. */
  runIds: z.array(z.string().max(64)).max(10_000).default([]),
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
