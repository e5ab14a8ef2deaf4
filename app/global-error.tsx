"use client";

import { ErrorPage } from "@/components/layout/error-page";
import "./globals.css";

/** An error in the root layout itself: this replaces it, so it brings its own document and styles. */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="fr" suppressHydrationWarning>
      <body className="min-h-screen font-sans">
        <title>Erreur · Cuvée</title>
        <ErrorPage error={error} retry={retry} />
      </body>
    </html>
  );
}
