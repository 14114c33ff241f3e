import { NextResponse, type NextRequest } from "next/server";
import { databaseUnavailableResponse } from "./lib/availability";

const EDITOR_PATHS = /^\/(editor|admin)(\/|$)/;

// A convenience only: anonymous visitors to editor pages go to /signin before rendering. Every
// page and server action checks the session and role again itself; security never rests here.
export function proxy(request: NextRequest) {
  // While the database is known to be down, answer at once with a 503 (lib/availability.ts).
  const unavailable = databaseUnavailableResponse(request);
  if (unavailable) return unavailable;
  if (!EDITOR_PATHS.test(request.nextUrl.pathname)) return NextResponse.next();
  const hasSession = request.cookies.getAll().some((c) => c.name.endsWith("authjs.session-token"));
  if (hasSession) return NextResponse.next();
  const url = new URL("/signin", request.url);
  url.searchParams.set("from", request.nextUrl.pathname);
  return NextResponse.redirect(url);
}

export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
