import type { Metadata } from "next";
import { ImportForm } from "@/components/import/import-form";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/authz";

export const metadata: Metadata = { title: "Import CSV" };

export default async function ImportPage() {
  const user = await requireUser("contributor", "/editor/import");
  return (
    <>
      <h1>Import events from CSV</h1>
      <p>
        Upload a file in the format of the <a href="/data">export</a>. Check it first: every row is validated like the
        event form, and problems are listed by row and column without writing anything. Importing writes all rows in one
        go, or none. Rows whose id exists update that event (with a revision); importing the same file again changes
        nothing. The sources file is optional: an existing event it does not mention keeps its sources. A row with an
        empty id is a new event, with an id made from its start date and title as the event form makes it.
      </p>
      <ImportForm canChooseStatus={hasRole(user, "editor")} />
    </>
  );
}
