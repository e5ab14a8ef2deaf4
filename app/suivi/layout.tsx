import type { ReactNode } from "react";
import { SiteHeader } from "@/components/layout/site-header";

/** The chrome every tracking page shares (and keeps while a page loads): the site's header. */
export default function TrackingLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SiteHeader />
      {children}
    </>
  );
}
