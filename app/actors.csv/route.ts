import { actorsCsvResponse } from "@/lib/actors/csv-response";
import { withDatabaseErrors } from "@/lib/api/http";

export const dynamic = "force-dynamic";
export const GET = withDatabaseErrors((request: Request) => actorsCsvResponse(request));
