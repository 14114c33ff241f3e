import { NotFoundMessage } from "@/components/layout/not-found-message";

// Rendered inside this group's layout, which already has the site's chrome and its <main>.
export default function NotFound() {
  return <NotFoundMessage />;
}
