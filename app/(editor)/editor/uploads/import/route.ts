// The CSV import form posts here (see lib/import/run-import.ts).
import { importUpload } from "@/lib/import/run-import";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  return importUpload(request);
}
