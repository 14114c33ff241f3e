import Link from "next/link";
import { SiteChrome } from "@/components/layout/site-chrome";
import { currentUser } from "@/lib/authz";
import { signOutAction } from "@/lib/auth/actions";

// Navigation only: every page and every action below checks the role again itself.
export default async function EditorLayout({ children }: { children: React.ReactNode }) {
  const user = await currentUser();
  return (
    <SiteChrome>
      {user && (
        <nav aria-label="Editor" className="editor-nav">
          <ul>
            <li>
              <Link href="/editor">Desk</Link>
            </li>
            <li>
              <Link href="/editor/events/new">New event</Link>
            </li>
            <li>
              <Link href="/editor/import">Import CSV</Link>
            </li>
            {user.role !== "contributor" && (
              <li>
                <Link href="/editor/actors">Actors</Link>
              </li>
            )}
            {user.role === "admin" && (
              <li>
                <Link href="/admin/users">Users</Link>
              </li>
            )}
            {user.role === "admin" && (
              <li>
                <Link href="/admin/releases">Releases</Link>
              </li>
            )}
            <li>
              <Link href="/editor/account">Your account</Link>
            </li>
          </ul>
          <form action={signOutAction}>
            <span className="muted">
              {user.name} ({user.role})
            </span>{" "}
            <button type="submit" className="link-button">
              Sign out
            </button>
          </form>
        </nav>
      )}
      {children}
    </SiteChrome>
  );
}
