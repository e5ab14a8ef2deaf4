import { isLessonComponent, LESSON_COMPONENTS } from "./lesson-components";

interface MdxNode {
  type: string;
  name?: string | null;
  children?: MdxNode[];
  position?: { start: { line: number } };
}

/**
 * Compiles a lesson's MDX and returns its authoring problems: syntax errors and components that
 * do not exist (MDX would only fail when the page renders). `lineOffset` turns the body's line
 * numbers into the file's (the frontmatter comes first).
 */
export async function lessonProblems(body: string, lineOffset = 0): Promise<string[]> {
  const problems: string[] = [];
  const collectUnknownComponents = () => (tree: MdxNode) => {
    const walk = (node: MdxNode) => {
      if ((node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement") && node.name && /^[A-Z]/.test(node.name)) {
        if (!isLessonComponent(node.name)) {
          problems.push(`unknown component <${node.name}> (line ${node.position ? node.position.start.line + lineOffset : "?"}); known: ${LESSON_COMPONENTS.join(", ")}.`);
        }
      }
      node.children?.forEach(walk);
    };
    walk(tree);
  };
  // Imported on use: both packages are ESM-only, and scripts run this module as CommonJS.
  const [{ compile }, { default: remarkGfm }] = await Promise.all([import("@mdx-js/mdx"), import("remark-gfm")]);
  try {
    await compile(body, { remarkPlugins: [remarkGfm, collectUnknownComponents] });
  } catch (error) {
    problems.push(`MDX does not compile: ${(error as Error).message}`);
  }
  return problems;
}
