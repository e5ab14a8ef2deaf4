"use client";

import { Children, useState, type ReactNode } from "react";

type Pane = "lecon" | "code" | "suivi";

const PANES: { value: Pane; label: string }[] = [
  { value: "lecon", label: "Leçon" },
  { value: "code", label: "Code" },
  { value: "suivi", label: "Suivi" },
];

/**
 * Under 800 px the lesson, the editor and the live panel do not fit side by side: this switch
 * shows one at a time. Its children are the lesson (first) and the workbench (second); the
 * workbench's live panel carries `data-pane="suivi"`. The hiding is CSS (globals.css, "lesson
 * panes"), so nothing unmounts: the editor keeps its text and a running script keeps running.
 * From 800 px up the switch is hidden and everything shows.
 */
export function LessonPanes({ children }: { children: ReactNode }) {
  const [pane, setPane] = useState<Pane>("lecon");
  const [lesson, workbench] = Children.toArray(children);
  return (
    <div data-mobile-pane={pane} className="contents">
      <div role="group" aria-label="Afficher" className="lesson-pane-switch sticky top-14 z-10 -mx-4 flex gap-1 border-b border-stone-200 bg-stone-50/95 px-4 py-2 backdrop-blur dark:border-stone-800 dark:bg-stone-950/95">
        {PANES.map(({ value, label }) => (
          <button
            key={value}
            type="button"
            aria-pressed={pane === value}
            onClick={() => {
              setPane(value);
              window.scrollTo({ top: 0 });
            }}
            className={`flex-1 rounded-md px-3 py-1.5 text-sm font-medium ${
              pane === value ? "bg-wine-600 text-white" : "text-stone-700 hover:bg-stone-200 dark:text-stone-300 dark:hover:bg-stone-800"
            }`}
          >
            {label}
          </button>
        ))}
      </div>
      <div data-lesson-pane="lesson" className="min-w-0">
        {lesson}
      </div>
      {/* Side by side (lg and up), the workbench stays in view while the lesson scrolls, and
          scrolls on its own when it is taller than the window: instructions beside the code. */}
      <div
        data-lesson-pane="workbench"
        className="min-w-0 lg:sticky lg:top-20 lg:max-h-[calc(100vh-6.5rem)] lg:self-start lg:overflow-y-auto lg:overscroll-contain"
      >
        {workbench}
      </div>
    </div>
  );
}
