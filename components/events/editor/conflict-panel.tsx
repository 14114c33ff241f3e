import type { FieldChange } from "@/lib/events/snapshot";

const show = (v: unknown) =>
  v === null || v === undefined || v === "" ? "(empty)" : typeof v === "string" ? v : JSON.stringify(v);

/** Shown when a save was refused: what the other person's saved version has, beside this form's. */
export function ConflictPanel({ differences, changedBy }: { differences: FieldChange[]; changedBy: string | null }) {
  return (
    <section className="conflict" aria-label="Conflicting changes">
      <h2>Saved by {changedBy ?? "someone else"} meanwhile</h2>
      {differences.length === 0 ? (
        <p>Their saved version matches your form; you can save again.</p>
      ) : (
        <table className="codebook">
          <caption>Fields where the saved version differs from your form</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Saved now</th>
              <th scope="col">Your form</th>
            </tr>
          </thead>
          <tbody>
            {differences.map((d) => (
              <tr key={d.field}>
                <th scope="row">{d.field}</th>
                <td>{show(d.from)}</td>
                <td>{show(d.to)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>Saving again keeps your form as it is now. To take their version of a field, copy it into the form first.</p>
    </section>
  );
}
