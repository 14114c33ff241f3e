/** Tells the reader which parts of their request were ignored or adjusted. */
export function Notices({ notices }: { notices: string[] }) {
  if (!notices.length) return null;
  return (
    <div className="notice" role="note" aria-label="Adjusted filters">
      <ul>
        {notices.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
    </div>
  );
}
