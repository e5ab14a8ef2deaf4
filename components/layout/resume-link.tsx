"use client";

import { useState } from "react";

/** The learner's resume link, with a copy button: their only key to their workspace. */
export function ResumeLink({ url }: { url: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
      <label className="sr-only" htmlFor="resume-link">
        Lien de reprise
      </label>
      <input
        id="resume-link"
        readOnly
        value={url}
        onFocus={(event) => event.currentTarget.select()}
        className="min-w-0 flex-1 rounded-md border border-stone-300 bg-white px-3 py-1.5 font-mono text-xs text-stone-700 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-200"
      />
      <button
        type="button"
        onClick={async () => {
          await navigator.clipboard.writeText(url);
          setCopied(true);
          setTimeout(() => setCopied(false), 2000);
        }}
        className="rounded-md border border-stone-300 px-3 py-1.5 text-sm hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800"
      >
        {copied ? "Copié !" : "Copier le lien"}
      </button>
    </div>
  );
}
