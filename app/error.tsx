"use client";
import Link from "next/link";
import { useEffect, useState } from "react";

// Shown instead of a stack trace when a page fails. The server hides the real error from the
// browser, so we ask /api/ready whether the database is the cause: if it is, we say so and load
// the page again by ourselves once it is back.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const [databaseDown, setDatabaseDown] = useState(false);
  useEffect(() => {
    let stopped = false;
    const check = async () => {
      const ready = await fetch("/api/ready", { cache: "no-store" }).then(
        (r) => r.ok,
        () => false,
      );
      if (stopped) return;
      if (ready) {
        if (databaseDown) window.location.reload();
        return;
      }
      setDatabaseDown(true);
      setTimeout(check, 2000);
    };
    void check();
    return () => {
      stopped = true;
    };
  }, [databaseDown]);

  return (
    <main id="main">
      {databaseDown ? (
        <>
          <h1>The database is unavailable</h1>
          <p role="status">
            This page could not be loaded because the tracker&apos;s database cannot be reached just now. Nothing saved
            before has been lost. The page will load again by itself as soon as the database is back.
          </p>
        </>
      ) : (
        <>
          <h1>Something went wrong</h1>
          <p>
            This page could not be loaded just now. Nothing you saved before has been lost. Please try again in a
            moment.
          </p>
        </>
      )}
      <p>
        <button className="button" type="button" onClick={() => reset()}>
          Try again
        </button>{" "}
        <Link href="/">Home</Link>
      </p>
    </main>
  );
}
