/**
 * The components a lesson's MDX may use, by name: the one list. Lessons are validated against
 * it (`validate-lesson.ts`); `components/lesson/render-lesson.tsx` implements exactly these
 * names (a type-level check fails the build when a name has no component, or a component no name).
 */
export const LESSON_COMPONENTS = [
  // Written by hand by the author, with content.
  "Objectif",
  "Instructions",
  "Pourquoi",
  "PythonVersTs",
  "Resume",
  // Derived from the bloc's starting code and solution (no content).
  "Ajout",
  "Position",
] as const;

export type LessonComponentName = (typeof LESSON_COMPONENTS)[number];

export function isLessonComponent(name: string): name is LessonComponentName {
  return (LESSON_COMPONENTS as readonly string[]).includes(name);
}
