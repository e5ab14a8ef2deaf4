import type { AjoutHunk } from "@/lib/course/ajout";

/**
 * The "Ajout" of a bloc: each change to make, where, and the lines, derived from the previous
 * solution and this one. Line numbers are those of the starting code in the editor.
 */
export function AjoutDiff({ hunks }: { hunks: AjoutHunk[] }) {
  if (hunks.length === 0) return null;
  return (
    <section aria-label="Ajout" className="my-5 rounded-lg border border-emerald-600/40 bg-white dark:bg-stone-900">
      <p className="border-b border-emerald-600/30 px-4 py-2 text-xs font-semibold uppercase tracking-wider text-emerald-800 dark:text-emerald-300">
        Ajout · {hunks.length} modification{hunks.length > 1 ? "s" : ""} (numéros de ligne du code de départ)
      </p>
      {/* Divs with list roles: the lesson's prose styles for ol/li must not number these. */}
      <div role="list" className="divide-y divide-stone-200 dark:divide-stone-800">
        {hunks.map((hunk, index) => (
          <div role="listitem" key={index} className="px-4 py-2">
            <p className="mb-1 text-sm">
              <span className="font-semibold">{hunk.action}</span> — <HunkPosition hunk={hunk} />
            </p>
            <pre className="whitespace-pre-wrap break-words rounded bg-stone-50 py-1 font-mono text-[12.5px] leading-5 dark:bg-stone-950">
              {hunk.lines.map((line, lineIndex) => (
                <span
                  key={lineIndex}
                  className={`block px-2 ${
                    line.kind === "added"
                      ? "bg-emerald-50 text-emerald-900 dark:bg-emerald-950/50 dark:text-emerald-200"
                      : "bg-red-50 text-red-800 line-through decoration-red-400/70 dark:bg-red-950/40 dark:text-red-200"
                  }`}
                >
                  <span aria-hidden="true" className="mr-2 select-none opacity-60">
                    {line.kind === "added" ? "+" : "−"}
                  </span>
                  <span className="sr-only">{line.kind === "added" ? "ligne ajoutée : " : "ligne supprimée : "}</span>
                  {line.text || " "}
                </span>
              ))}
            </pre>
          </div>
        ))}
      </div>
    </section>
  );
}

function HunkPosition({ hunk }: { hunk: AjoutHunk }) {
  return (
    <>
      {hunk.position}
      {hunk.anchor && (
        <>
          {" "}
          (<code>{hunk.anchor}</code>)
        </>
      )}
    </>
  );
}

/** Where the bloc's changes go, as a short list (the seed's "Position exacte dans ton script"). */
export function PositionList({ hunks }: { hunks: AjoutHunk[] }) {
  return (
    <section aria-label="Position" className="my-5 rounded-r-lg border-l-4 border-emerald-600 bg-emerald-50/60 px-4 py-3 dark:bg-emerald-950/30">
      <p className="mb-1 text-xs font-semibold uppercase tracking-wider text-stone-600 dark:text-stone-300">Position exacte dans votre script</p>
      <ul className="list-disc space-y-0.5 pl-5 text-sm">
        {hunks.map((hunk, index) => (
          <li key={index}>
            {hunk.action} — <HunkPosition hunk={hunk} />
          </li>
        ))}
      </ul>
    </section>
  );
}
