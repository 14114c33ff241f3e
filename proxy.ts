import { NextResponse, type NextRequest } from "next/server";

// A convenience only: anonymous visitors to editor pages go to /signin before rendering. Every
// page and server action checks the session and role again itself; security never rests here.
// It also gives every request an id (kept from a load balancer's x-request-id when well formed)
// that lib/request-log.ts writes on each log line; the logger makes one itself if this never ran.
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const DESK = /^\/(editor|admin)(\/|$)/;

export function proxy(request: NextRequest) {
  const given = request.headers.get("x-request-id");
  const requestId = given && REQUEST_ID.test(given) ? given : crypto.randomUUID();
  const hasSession = request.cookies.getAll().some((c) => c.name.endsWith("authjs.session-token"));
  if (DESK.test(request.nextUrl.pathname) && !hasSession) {
    const url = new URL("/signin", request.url);
    url.searchParams.set("from", request.nextUrl.pathname);
    return NextResponse.redirect(url, { headers: { "x-request-id": requestId } });
  }
  const headers = new Headers(request.headers);
  headers.set("x-request-id", requestId);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("x-request-id", requestId);
  return response;
}

export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
