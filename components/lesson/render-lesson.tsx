import { evaluate } from "@mdx-js/mdx";
import type { ReactElement } from "react";
import * as runtime from "react/jsx-runtime";
import remarkGfm from "remark-gfm";
import type { FileAjout } from "@/lib/course/ajout";
import type { LessonComponentName } from "@/lib/course/lesson-components";
import { AjoutDiff, PositionList } from "./ajout-diff";
import { lessonComponents } from "./lesson-blocks";

/**
 * Compiles only when `T` has exactly the keys `K`: otherwise the type names the keys that are
 * missing or extra, so the error says which component or which name to add.
 */
type ExactKeys<T, K extends PropertyKey> = [Exclude<keyof T, K> | Exclude<K, keyof T>] extends [never]
  ? T
  : { keysMissingOrExtra: Exclude<keyof T, K> | Exclude<K, keyof T> };

/**
 * The components of a lesson: exactly the names of `LESSON_COMPONENTS` (lib/course), which lessons are
 * validated against. `<Ajout />` and `<Position />` render the changes derived from the previous
 * solution and this one, file by file.
 */
function componentsFor(ajouts: FileAjout[], entry: string) {
  const components = {
    ...lessonComponents,
    Ajout: () => <AjoutDiff ajouts={ajouts} entry={entry} />,
    Position: () => <PositionList ajouts={ajouts} entry={entry} />,
  };
  return components satisfies ExactKeys<typeof components, LessonComponentName>;
}

/**
 * Compiles a lesson's MDX body to React on the server. Unknown components are caught earlier,
 * when the content is validated (lib/course/validate-lesson.ts).
 */
export async function renderLesson(body: string, ajouts: FileAjout[], entry: string): Promise<ReactElement> {
  const { default: Content } = await evaluate(body, { ...runtime, remarkPlugins: [remarkGfm] });
  return <Content components={componentsFor(ajouts, entry)} />;
}
