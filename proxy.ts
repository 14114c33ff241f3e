import { NextResponse, type NextRequest } from "next/server";
import { hasMalformedEscape } from "./lib/malformed-path";

// A convenience only: anonymous visitors to editor pages go to /signin before rendering. Every
// page and server action checks the session and role again itself; security never rests here.
export function proxy(request: NextRequest) {
  if (hasMalformedEscape(request.nextUrl.pathname)) return new NextResponse("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  if (!/^\/(editor|admin)(\/|$)/.test(request.nextUrl.pathname)) return NextResponse.next();
  const hasSession = request.cookies.getAll().some((c) => c.name.endsWith("authjs.session-token"));
  if (hasSession) return NextResponse.next();
  const url = new URL("/signin", request.url);
  url.searchParams.set("from", request.nextUrl.pathname);
  return NextResponse.redirect(url);
}

// Every path but static assets: the malformed-escape check above applies to all routes.
export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
