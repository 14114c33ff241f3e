import { NotFoundMessage } from "@/components/layout/not-found-message";
import { SiteChrome } from "@/components/layout/site-chrome";

// An address no route matches: rendered in the root layout alone, so it brings the chrome. A page
// that calls notFound() inside a route group gets its group's not-found.tsx instead, rendered
// within the group's layout, which has the chrome already (two would nest two <main> elements).
export default function NotFound() {
  return (
    <SiteChrome>
      <NotFoundMessage />
    </SiteChrome>
  );
}
