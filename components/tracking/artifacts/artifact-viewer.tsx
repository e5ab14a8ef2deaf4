"use client";

import { useState } from "react";
import type { ArtifactNode } from "@/lib/server/views/artifacts";
import { ArtifactPreview } from "./artifact-preview";

function formatSize(bytes: number | null): string {
  if (bytes === null) return "";
  if (bytes < 1024) return `${bytes} o`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1).replace(".", ",")} Ko`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace(".", ",")} Mo`;
}

/** Drawn icons: the system may have no emoji font (seen in Debian's Chromium). */
function FolderIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" className="h-4 w-4 shrink-0 text-amber-600 dark:text-amber-400" fill="currentColor">
      <path d="M1.5 3.5A1 1 0 0 1 2.5 2.5h3.6l1.5 1.5h5.9a1 1 0 0 1 1 1v7.5a1 1 0 0 1-1 1h-11a1 1 0 0 1-1-1z" />
    </svg>
  );
}

function FileIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" className="h-4 w-4 shrink-0 text-stone-400" fill="none" stroke="currentColor" strokeWidth="1.3">
      <path d="M4 1.5h5.5L13 5v9.5H4z M9.5 1.5V5H13" strokeLinejoin="round" />
    </svg>
  );
}

function fileUrl(downloadBase: string, path: string): string {
  return `${downloadBase}/${path.split("/").map(encodeURIComponent).join("/")}`;
}

function Tree({ nodes, selected, onSelect, depth }: { nodes: readonly ArtifactNode[]; selected: string | null; onSelect: (node: ArtifactNode) => void; depth: number }) {
  const [open, setOpen] = useState<Set<string>>(() => new Set(depth === 0 ? nodes.filter((n) => n.isDir).map((n) => n.path) : []));
  return (
    <ul className={depth > 0 ? "ml-3 border-l border-stone-200 pl-2 dark:border-stone-800" : ""}>
      {nodes.map((node) => (
        <li key={node.path}>
          {node.isDir ? (
            <>
              <button
                type="button"
                aria-expanded={open.has(node.path)}
                onClick={() => setOpen((previous) => {
                  const next = new Set(previous);
                  if (!next.delete(node.path)) next.add(node.path);
                  return next;
                })}
                className="flex w-full items-center gap-1 rounded px-1.5 py-1 text-left text-sm hover:bg-stone-100 dark:hover:bg-stone-800"
              >
                <span aria-hidden="true" className="w-3 text-stone-400">{open.has(node.path) ? "▾" : "▸"}</span>
                <FolderIcon />
                <span className="break-all font-mono text-[13px]">{node.name}</span>
              </button>
              {open.has(node.path) && <Tree nodes={node.children} selected={selected} onSelect={onSelect} depth={depth + 1} />}
            </>
          ) : (
            <button
              type="button"
              aria-current={selected === node.path ? "true" : undefined}
              onClick={() => onSelect(node)}
              className={`flex w-full items-center gap-1 rounded px-1.5 py-1 text-left text-sm ${
                selected === node.path ? "bg-wine-100 text-wine-900 dark:bg-wine-900/40 dark:text-wine-100" : "hover:bg-stone-100 dark:hover:bg-stone-800"
              }`}
            >
              <span aria-hidden="true" className="w-3" />
              <FileIcon />
              <span className="min-w-0 flex-1 break-all font-mono text-[13px]">{node.name}</span>
              <span className="shrink-0 text-[11px] text-stone-600 dark:text-stone-400">{formatSize(node.size)}</span>
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The run's artifact folders on the left, the chosen file's preview and download on the right. */
export function ArtifactViewer({ downloadBase, nodes, truncated }: { downloadBase: string; nodes: ArtifactNode[]; truncated: boolean }) {
  const [selected, setSelected] = useState<ArtifactNode | null>(null);
  return (
    <div className="grid gap-4 md:grid-cols-[minmax(0,2fr)_minmax(0,5fr)]">
      <nav aria-label="Arborescence des artefacts" className="max-h-[520px] overflow-auto rounded-lg border border-stone-200 p-1 dark:border-stone-800">
        <Tree nodes={nodes} selected={selected?.path ?? null} onSelect={setSelected} depth={0} />
        {truncated && <p className="p-2 text-xs text-stone-600 dark:text-stone-400">Trop de fichiers : l&apos;arborescence est tronquée.</p>}
      </nav>
      <div aria-label="Aperçu de l'artefact" role="region" className="min-w-0">
        {selected ? (
          <>
            <div className="mb-2 flex flex-wrap items-center gap-2">
              <code className="min-w-0 break-all font-mono text-sm font-medium">{selected.path}</code>
              <span className="text-xs text-stone-600 dark:text-stone-400">{formatSize(selected.size)}</span>
              <a
                href={fileUrl(downloadBase, selected.path)}
                download={selected.name}
                className="ml-auto rounded-md border border-stone-300 px-3 py-1 text-sm font-medium hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800"
              >
                Télécharger
              </a>
            </div>
            <ArtifactPreview key={selected.path} name={selected.name} url={fileUrl(downloadBase, selected.path)} size={selected.size} />
          </>
        ) : (
          <p className="text-sm text-stone-600 dark:text-stone-400">Choisissez un fichier à gauche pour l&apos;afficher.</p>
        )}
      </div>
    </div>
  );
}
