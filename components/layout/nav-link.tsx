"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

/**
 * A header link that knows when it leads to the current section (`aria-current="page"` and an
 * underline). `exclude` keeps a parent section from claiming a child's pages (Expériences vs Modèles).
 */
export function NavLink({ href, exclude, children }: { href: string; exclude?: string; children: ReactNode }) {
  const pathname = usePathname();
  const inSection = (pathname === href || pathname.startsWith(`${href}/`)) && !(exclude && pathname.startsWith(exclude));
  return (
    <Link
      href={href}
      aria-current={inSection ? "page" : undefined}
      className={`rounded px-1.5 py-1 hover:bg-white/10 sm:px-2 ${inSection ? "underline decoration-2 underline-offset-4" : ""}`}
    >
      {children}
    </Link>
  );
}
