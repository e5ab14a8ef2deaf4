import type { Metadata } from "next";
import { ProblemPage } from "@/components/layout/problem-page";

export const metadata: Metadata = { title: "Page introuvable" };

/** Every missing page, including a bloc not written yet (`/cours/14` calls notFound()). */
export default function NotFound() {
  return (
    <ProblemPage code="404" title="Page introuvable">
      <p>
        Cette page n&apos;existe pas, ou pas encore : les blocs du parcours sont publiés au fur et à mesure. Vérifiez l&apos;adresse, ou repartez du
        parcours.
      </p>
    </ProblemPage>
  );
}
