import "server-only";
import { actorsCsv } from "./csv";
import { parseActorListQuery } from "./list-params";
import { listActors } from "./queries";

/** GET /actors.csv: every public actor (the /actors filters apply when given), by name. */
export async function actorsCsvResponse(request: Request): Promise<Response> {
  const { query } = parseActorListQuery(new URL(request.url).searchParams);
  const { rows } = await listActors({ ...query, page: 1 }, { pageSize: null });
  const bom = new URL(request.url).searchParams.get("bom") === "1" ? "\ufeff" : "";
  return new Response(bom + actorsCsv(rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8; header=present",
      "Content-Disposition": `attachment; filename="actors-${new Date().toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
