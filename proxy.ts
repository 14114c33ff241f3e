import { NextResponse, type NextRequest } from "next/server";

// A convenience only: anonymous visitors to editor pages go to /signin before rendering. Every
// page and server action checks the session and role again itself; security never rests here.
export function proxy(request: NextRequest) {
  const hasSession = request.cookies.getAll().some((c) => c.name.endsWith("authjs.session-token"));
  if (hasSession) return NextResponse.next();
  const url = new URL("/signin", request.url);
  url.searchParams.set("from", request.nextUrl.pathname);
  return NextResponse.redirect(url);
}

export const config = { matcher: ["/editor/:path*", "/admin/:path*"] };
