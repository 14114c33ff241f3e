"use client";
import Link from "next/link";
// Shown instead of a stack trace when a page fails (e.g. the database is unreachable).
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main">
      <h1>Something went wrong</h1>
      <p>This page could not be loaded just now. Nothing you entered has been lost. Please try again in a moment.</p>
      <p><button className="button" type="button" onClick={() => reset()}>Try again</button> <Link href="/">Home</Link></p>
    </main>
  );
}
