// Liveness for load balancers and orchestrators: is this process alive and serving? It never
// touches the database, so an outage does not get healthy instances restarted for nothing.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json(
    { status: "ok", uptime: Math.round(process.uptime()), pid: process.pid },
    { headers: { "Cache-Control": "no-store" } },
  );
}
