import Link from "next/link";

import { SiteChrome } from "@/components/layout/site-chrome";

export default function NotFound() {
  return (
    <SiteChrome>
      <h1>Not found</h1>
      <p>There is no page at this address. It may have been mistyped, or the event may not be published.</p>
      <p><Link href="/events">Browse all events</Link></p>
    </SiteChrome>
  );
}
