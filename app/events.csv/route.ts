import { asOfCsvResponse, hasAsOf } from "@/lib/as-of/responses";
import { csvResponse } from "@/lib/export/csv-response";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  if (hasAsOf(request)) return asOfCsvResponse(request, "events");
  return csvResponse(request, "events");
}
