"use client";

import { ErrorPage } from "@/components/layout/error-page";

/** An error in any page: French, in the site's chrome (the root layout stays). */
export default function Error({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorPage error={error} retry={retry} />;
}
