import Link from "next/link";

/** What a missing page says; the chrome around it comes from whichever layout renders it. */
export function NotFoundMessage() {
  return (
    <>
      <h1>Not found</h1>
      <p>There is no page at this address. It may have been mistyped, or the event may not be published.</p>
      <p>
        <Link href="/events">Browse all events</Link>
      </p>
    </>
  );
}
