import { evaluate } from "@mdx-js/mdx";
import type { ReactElement } from "react";
import * as runtime from "react/jsx-runtime";
import remarkGfm from "remark-gfm";
import { AjoutDiff, PositionList } from "@/components/lesson/ajout-diff";
import { lessonComponents } from "@/components/lesson/lesson-blocks";
import type { AjoutHunk } from "./ajout";

/** Every component a lesson may use: the hand-written ones and the two derived from the code. */
export const LESSON_COMPONENT_NAMES = [...Object.keys(lessonComponents), "Ajout", "Position"] as const;

/**
 * Compiles a lesson's MDX body to React on the server. `<Ajout />` and `<Position />` render
 * the changes derived from the previous solution and this one. Unknown components are caught
 * earlier, when the content is validated (lib/course/validate-lesson.ts).
 */
export async function renderLesson(body: string, ajout: AjoutHunk[]): Promise<ReactElement> {
  const { default: Content } = await evaluate(body, { ...runtime, remarkPlugins: [remarkGfm] });
  const components = {
    ...lessonComponents,
    Ajout: () => <AjoutDiff hunks={ajout} />,
    Position: () => <PositionList hunks={ajout} />,
  };
  return <Content components={components} />;
}
