import { latestRedirect } from "@/lib/releases/http";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return latestRedirect(request);
}
