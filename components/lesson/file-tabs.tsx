"use client";

import { useEffect, useRef, type KeyboardEvent } from "react";

/** What the editor shows: one of the learner's files, or the original course's Python. */
export type EditorView = { kind: "file"; path: string } | { kind: "python" };

export const EDITOR_PANEL_ID = "workbench-editor-panel";

export function tabId(view: EditorView): string {
  return view.kind === "python" ? "workbench-tab-python" : `workbench-tab-${view.path.replace(/[^A-Za-z0-9_-]/g, "_")}`;
}

function sameView(a: EditorView, b: EditorView): boolean {
  return a.kind === b.kind && (a.kind === "python" || a.path === (b as { path: string }).path);
}

interface FileTabsProps {
  /** The learner's files, in tab order (entry first). */
  files: string[];
  entry: string;
  /** Files the learner added (marked, and removable). */
  added: ReadonlySet<string>;
  view: EditorView;
  onSelect: (view: EditorView) => void;
}

/**
 * The editor's tabs: one per file, then the original Python. A WAI-ARIA tablist: the arrow keys,
 * Home and End move between tabs (and show them), Tab leaves the list. On a phone the row
 * scrolls sideways instead of wrapping or being cut.
 */
export function FileTabs({ files, entry, added, view, onSelect }: FileTabsProps) {
  const views: EditorView[] = [...files.map((path): EditorView => ({ kind: "file", path })), { kind: "python" }];
  const list = useRef<HTMLDivElement>(null);
  const selectedId = tabId(view);

  // On a phone the selected tab (a file just added, a go-to-definition target) may sit past the
  // row's edge: scroll the row, not the page, to show it.
  useEffect(() => {
    const row = list.current;
    const tab = row?.querySelector<HTMLElement>(`#${selectedId}`);
    if (!row || !tab) return;
    if (tab.offsetLeft < row.scrollLeft) row.scrollLeft = tab.offsetLeft;
    else if (tab.offsetLeft + tab.offsetWidth > row.scrollLeft + row.clientWidth) row.scrollLeft = tab.offsetLeft + tab.offsetWidth - row.clientWidth;
  }, [selectedId]);

  const move = (event: KeyboardEvent<HTMLButtonElement>) => {
    const current = views.findIndex((candidate) => sameView(candidate, view));
    const target =
      event.key === "ArrowRight" ? (current + 1) % views.length
      : event.key === "ArrowLeft" ? (current - 1 + views.length) % views.length
      : event.key === "Home" ? 0
      : event.key === "End" ? views.length - 1
      : undefined;
    if (target === undefined) return;
    event.preventDefault();
    onSelect(views[target]!);
    list.current?.querySelector<HTMLButtonElement>(`#${tabId(views[target]!)}`)?.focus();
  };

  return (
    <div ref={list} role="tablist" aria-label="Fichiers du projet" className="relative flex min-w-0 max-w-full overflow-x-auto rounded-md bg-stone-100 p-0.5 text-sm dark:bg-stone-800">
      {views.map((candidate) => {
        const selected = sameView(candidate, view);
        const isFile = candidate.kind === "file";
        return (
          <button
            key={tabId(candidate)}
            id={tabId(candidate)}
            role="tab"
            type="button"
            aria-selected={selected}
            aria-controls={EDITOR_PANEL_ID}
            tabIndex={selected ? 0 : -1}
            onClick={() => onSelect(candidate)}
            onKeyDown={move}
            title={isFile && candidate.path === entry ? "Le fichier exécuté par « Exécuter »" : undefined}
            // relative: the sr-only text is positioned; the row, not the page, must contain it.
            className={`relative shrink-0 whitespace-nowrap rounded px-3 py-1 font-mono text-[13px] ${
              selected ? "bg-white shadow-sm dark:bg-stone-700" : "text-stone-600 dark:text-stone-300"
            } ${isFile ? "" : "ml-1 border-l border-stone-300 font-sans text-sm dark:border-stone-600"}`}
          >
            {isFile ? candidate.path : "Python (cours d'origine)"}
            {isFile && added.has(candidate.path) && <span className="sr-only"> (fichier ajouté)</span>}
          </button>
        );
      })}
    </div>
  );
}
