import { csvResponse } from "@/lib/export/csv-response";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return csvResponse(request, "sources");
}
