/** Code as files: text by path (`main.ts`, `data/train.csv`), a bloc's or a learner's. */
export type CodeFiles = Record<string, string>;
