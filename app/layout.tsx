import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Cuvée — apprendre MLflow", template: "%s · Cuvée" },
  description: "Un cours interactif pour apprendre MLflow bloc par bloc, en TypeScript, dans le navigateur.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="fr" suppressHydrationWarning>
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
