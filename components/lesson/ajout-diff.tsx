import type { AjoutHunk, AjoutLine, FileAjout } from "@/lib/course/ajout";

const HEADER = "border-b border-emerald-600/30 px-4 py-2 text-xs font-semibold uppercase tracking-wider text-emerald-800 dark:text-emerald-300";

function modifications(count: number): string {
  return `${count} modification${count > 1 ? "s" : ""}`;
}

/**
 * The "Ajout" of a bloc: each change to make, in which file, where, and the lines, derived from
 * the previous solution and this one. Line numbers are those of the starting code in the editor.
 * A file the bloc creates is shown whole, as a file to create. A bloc that changes its entry
 * alone reads as before the workbench had several files: no file headings.
 */
export function AjoutDiff({ ajouts, entry }: { ajouts: FileAjout[]; entry: string }) {
  if (ajouts.length === 0) return null;
  const single = ajouts.length === 1 && ajouts[0]!.file === entry && !ajouts[0]!.isNew ? ajouts[0]! : undefined;
  return (
    <section aria-label="Ajout" className="my-5 rounded-lg border border-emerald-600/40 bg-white dark:bg-stone-900">
      {single ? (
        <>
          <p className={HEADER}>Ajout · {modifications(single.hunks.length)} (numéros de ligne du code de départ)</p>
          <HunkList hunks={single.hunks} />
        </>
      ) : (
        <>
          <p className={HEADER}>Ajout · {ajouts.length} fichiers (numéros de ligne du code de départ)</p>
          {ajouts.map((ajout) => (
            <section key={ajout.file} aria-label={`Ajout dans ${ajout.file}`} className="border-b border-stone-200 last:border-b-0 dark:border-stone-800">
              <p className="bg-emerald-50/60 px-4 py-1.5 text-sm dark:bg-emerald-950/30">
                {ajout.isNew ? (
                  <>
                    <span className="font-semibold">Nouveau fichier à créer</span> : <code>{ajout.file}</code> (bouton « + » à côté des onglets), avec ce contenu
                  </>
                ) : (
                  <>
                    Dans <code>{ajout.file}</code> · {modifications(ajout.hunks.length)}
                  </>
                )}
              </p>
              {ajout.isNew ? (
                <div className="px-4 py-2">
                  <Lines lines={ajout.hunks.flatMap((hunk) => hunk.lines)} />
                </div>
              ) : (
                <HunkList hunks={ajout.hunks} />
              )}
            </section>
          ))}
        </>
      )}
    </section>
  );
}

function HunkList({ hunks }: { hunks: AjoutHunk[] }) {
  return (
    /* Divs with list roles: the lesson's prose styles for ol/li must not number these. */
    <div role="list" className="divide-y divide-stone-200 dark:divide-stone-800">
      {hunks.map((hunk, index) => (
        <div role="listitem" key={index} className="px-4 py-2">
          <p className="mb-1 text-sm">
            <span className="font-semibold">{hunk.action}</span> — <HunkPosition hunk={hunk} />
          </p>
          <Lines lines={hunk.lines} />
        </div>
      ))}
    </div>
  );
}

function Lines({ lines }: { lines: AjoutLine[] }) {
  return (
    <pre className="whitespace-pre-wrap break-words rounded bg-stone-50 py-1 font-mono text-[12.5px] leading-5 dark:bg-stone-950">
      {lines.map((line, lineIndex) => (
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

/** Where the bloc's changes go, as a short list (the seed's "Position exacte dans ton script"), file by file when there are several. */
export function PositionList({ ajouts, entry }: { ajouts: FileAjout[]; entry: string }) {
  const named = ajouts.some((ajout) => ajout.file !== entry || ajout.isNew);
  return (
    <section aria-label="Position" className="my-5 rounded-r-lg border-l-4 border-emerald-600 bg-emerald-50/60 px-4 py-3 dark:bg-emerald-950/30">
      <p className="mb-1 text-xs font-semibold uppercase tracking-wider text-stone-600 dark:text-stone-300">Position exacte dans votre script</p>
      <ul className="list-disc space-y-0.5 pl-5 text-sm">
        {ajouts.flatMap((ajout) =>
          ajout.isNew ? (
            <li key={ajout.file}>
              Créez le fichier <code>{ajout.file}</code>
            </li>
          ) : (
            ajout.hunks.map((hunk, index) => (
              <li key={`${ajout.file}:${index}`}>
                {named && (
                  <>
                    <code>{ajout.file}</code> :{" "}
                  </>
                )}
                {hunk.action} — <HunkPosition hunk={hunk} />
              </li>
            ))
          ),
        )}
      </ul>
    </section>
  );
}
