import Link from "next/link";

/** Header and footer of the full site; the embeddable pages go without them. */
export function SiteChrome({ children }: { children: React.ReactNode }) {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <Link href="/" className="brand">
          Sanctions &amp; Arms-Transfer Tracker
        </Link>
        <nav aria-label="Main">
          <ul>
            <li>
              <Link href="/events">Events</Link>
            </li>
            <li>
              <Link href="/timeline">Timeline</Link>
            </li>
            <li>
              <Link href="/actors">Actors</Link>
            </li>
            <li>
              <Link href="/codebook">Codebook</Link>
            </li>
            <li>
              <Link href="/data">Data and API</Link>
            </li>
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>
          Every event cites its sources with the passage that supports it. Dates are shown only as precisely as they are
          known.
        </p>
      </footer>
    </>
  );
}
