import Link from "next/link";

export default function NotFound() {
  return (
    <>
      <h1>Not found</h1>
      <p>There is no page at this address. It may have been mistyped, or the event may not be published.</p>
      <p><Link href="/events">Browse all events</Link></p>
    </>
  );
}
