import type { Metadata } from "next";
import Link from "next/link";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Sanctions & Arms-Transfer Tracker", template: "%s · Sanctions & Arms-Transfer Tracker" },
  description: "Sourced, quoted events on sanctions and arms and technology transfers, starting with North Korea and Russia.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">Skip to content</a>
        <header className="site-header">
          <Link href="/" className="brand">Sanctions &amp; Arms-Transfer Tracker</Link>
          <nav aria-label="Main">
            <ul>
              <li><Link href="/events">Events</Link></li>
              <li><Link href="/codebook">Codebook</Link></li>
              <li><Link href="/data">Data and API</Link></li>
            </ul>
          </nav>
        </header>
        <main id="main" tabIndex={-1}>{children}</main>
        <footer className="site-footer">
          <p>Every event cites its sources with the passage that supports it. Dates are shown only as precisely as they are known.</p>
        </footer>
      </body>
    </html>
  );
}
