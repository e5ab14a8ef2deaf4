import { evaluate } from "@mdx-js/mdx";
import type { ReactElement } from "react";
import * as runtime from "react/jsx-runtime";
import remarkGfm from "remark-gfm";
import { lessonComponents } from "@/components/lesson/lesson-blocks";

/**
 * Compiles a lesson's MDX body to React on the server. MDX itself throws on a component that is
 * not provided ("Expected component `X` to be defined"), which fails the page and the build.
 */
export async function renderLesson(body: string): Promise<ReactElement> {
  const { default: Content } = await evaluate(body, { ...runtime, remarkPlugins: [remarkGfm] });
  return <Content components={lessonComponents} />;
}
