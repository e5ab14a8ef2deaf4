/**
 * Fails the build on authoring mistakes: every bloc in content/blocs loads and validates
 * (frontmatter, solution, start, Python, MDX components), and every written bloc has a check.
 */
import { loadAllBlocs } from "../lib/course/load";
import { CHECKS } from "../lib/server/checks/registry.generated";

try {
  const blocs = await loadAllBlocs();
  const withoutCheck = blocs.filter((bloc) => !CHECKS[bloc.frontmatter.bloc]).map((bloc) => bloc.folder);
  if (withoutCheck.length > 0) throw new Error(`blocs without a check.ts: ${withoutCheck.join(", ")}`);
  console.log(`content: ${blocs.length} blocs valid (${blocs.map((bloc) => bloc.frontmatter.bloc).join(", ")})`);
} catch (error) {
  console.error(`content error: ${(error as Error).message}`);
  process.exit(1);
}
