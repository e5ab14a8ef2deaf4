import { z } from "zod";

/** The frontmatter of a bloc's `lesson.mdx`. Types are inferred from this schema: edit it, not the types. */
export const blocFrontmatterSchema = z
  .object({
    bloc: z.number().int().min(0).max(29).describe("The bloc's number in the course (0 to 29); must match its folder name."),
    title: z.string().min(3).describe("The bloc's title in French, as in the checklist."),
    objective: z.string().min(10).describe("One French sentence: what the learner can do after the bloc."),
    concept: z.string().min(2).describe("The MLflow notions the bloc introduces (shown as a badge)."),
    entry: z.string().default("main.ts").describe("The file the runner executes."),
    timeLimitSeconds: z.number().int().min(5).max(300).default(30).describe("How long learner code may run before it is stopped."),
    startFrom: z
      .enum(["previous-solution", "own"])
      .default("previous-solution")
      .describe("Where the starting code comes from: the previous bloc's solution (default), or this bloc's own `start/` folder."),
  })
  .strict();

export type BlocFrontmatter = z.infer<typeof blocFrontmatterSchema>;
