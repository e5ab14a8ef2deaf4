"use client";

import { useEffect, useState } from "react";

function storageKey(bloc: number, entry: string): string {
  return `cuvee:bloc:${bloc}:${entry}`;
}

/**
 * The learner's code for a bloc's entry file. It survives a reload: every edit is kept in this
 * browser (localStorage), per bloc and file, and read back when the page opens.
 */
export function useSavedCode(bloc: number, entry: string, startCode: string): [code: string, update: (next: string) => void] {
  const [code, setCode] = useState(startCode);

  useEffect(() => {
    const saved = window.localStorage.getItem(storageKey(bloc, entry));
    if (saved !== null) setCode(saved);
  }, [bloc, entry]);

  const update = (next: string) => {
    setCode(next);
    window.localStorage.setItem(storageKey(bloc, entry), next);
  };

  return [code, update];
}
