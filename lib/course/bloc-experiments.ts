/**
 * The experiments a bloc's code writes to, read from the code itself so that the lesson, its
 * solution and the live panel cannot disagree: the names passed to `setExperiment`,
 * `createExperiment` or `getExperimentByName`, either as a string literal or through a constant
 * holding one (`const experimentName = "exp_wine_quality_v2"`). Names computed at run time
 * (`family.name`) are not known here; the panel shows those by recency.
 */
const EXPERIMENT_CALL = /\b(?:setExperiment|createExperiment|getExperimentByName)\(\s*(?:"([^"\\\n]+)"|'([^'\\\n]+)'|`([^`$\\\n]+)`|([A-Za-z_$][\w$]*)\s*[,)])/gu;
const STRING_CONSTANT = /\b(?:const|let)\s+([A-Za-z_$][\w$]*)\s*(?::\s*string\s*)?=\s*(?:"([^"\\\n]+)"|'([^'\\\n]+)'|`([^`$\\\n]+)`)\s*;?\s*$/gmu;

/** Lines that are only a comment: a commented-out call writes to nothing. */
function withoutCommentLines(code: string): string {
  return code
    .split("\n")
    .filter((line) => !line.trimStart().startsWith("//"))
    .join("\n");
}

/** Experiment names in the order the code first names them, each once. */
export function experimentsWrittenBy(code: string): string[] {
  const source = withoutCommentLines(code);
  const constants = new Map<string, string>();
  for (const match of source.matchAll(STRING_CONSTANT)) constants.set(match[1]!, (match[2] ?? match[3] ?? match[4])!);
  const names: string[] = [];
  for (const match of source.matchAll(EXPERIMENT_CALL)) {
    const name = match[1] ?? match[2] ?? match[3] ?? constants.get(match[4] ?? "");
    if (name !== undefined && !names.includes(name)) names.push(name);
  }
  return names;
}
