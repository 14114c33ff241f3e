// Placeholder until the outage work lands: the proxy asks here whether to answer 503 at once.
import type { NextRequest } from "next/server";

export function databaseUnavailableResponse(request: NextRequest): Response | null {
  void request;
  return null;
}
