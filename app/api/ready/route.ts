// Readiness for load balancers and orchestrators: 200 when the database answers and every
// migration is applied, otherwise 503 saying which part is missing (lib/readiness.ts).
import { RETRY_AFTER_S } from "@/lib/availability";
import { checkReadiness } from "@/lib/readiness";

export const dynamic = "force-dynamic";

export async function GET() {
  const result = await checkReadiness();
  // The read replica's state is reported, never a reason to leave rotation (lib/readiness.ts).
  if (result.ready)
    return Response.json(
      { status: "ready", database: "ok", migrations: result.migrations, replica: result.replica },
      { headers: { "Cache-Control": "no-store" } },
    );
  return Response.json(
    {
      status: "unavailable",
      error: { message: result.reason },
      ...(result.missingMigrations ? { missingMigrations: result.missingMigrations } : {}),
      replica: result.replica,
    },
    { status: 503, headers: { "Cache-Control": "no-store", "Retry-After": String(RETRY_AFTER_S) } },
  );
}
