// A local HTTP server that plays the cited sites, for the link-check tests and benchmark: one
// handler listening on several loopback addresses (each a "host"), counting how many requests
// each host has open at once, which is what the per-host limit promises to bound.
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface LocalLinkServer {
  port: number;
  /** http://<host>:<port> for each host served. */
  base(host: string): string;
  /** Most requests open at once, per Host header (without the port). */
  maxConcurrentByHost: Map<string, number>;
  /** Most requests open at once across all hosts. */
  maxConcurrent: number;
  requests: { method: string; host: string; path: string; userAgent: string }[];
  /** Makes a path answer this status from now on (a site going down or coming back). */
  setStatus(path: string, status: number): void;
  close(): Promise<void>;
}

// Paths and what they answer. Any path takes ?delay=<ms> before answering.
function answer(req: http.IncomingMessage, res: http.ServerResponse, overrides: Map<string, number>) {
  const url = new URL(req.url ?? "/", "http://x");
  const path = url.pathname;
  const set = overrides.get(path);
  if (set) return res.writeHead(set).end();
  if (path === "/hang") return; // never answers: the checker must time out
  if (path === "/ok")
    return res.writeHead(200, { "content-type": "text/html" }).end(req.method === "HEAD" ? undefined : "<p>here</p>");
  if (path === "/moved") return res.writeHead(301, { location: "/ok" }).end();
  if (path === "/gone") return res.writeHead(410).end();
  if (path === "/down") return res.writeHead(503).end();
  if (path === "/forbidden") return res.writeHead(403).end();
  // A server with no HEAD route: refuses HEAD, serves GET.
  if (path === "/no-head")
    return req.method === "HEAD" ? res.writeHead(405, { allow: "GET" }).end() : res.writeHead(200).end("here");
  res.writeHead(404).end();
}

export async function startLocalLinkServer(hosts: readonly string[] = ["127.0.0.1"]): Promise<LocalLinkServer> {
  const open = new Map<string, number>();
  const overrides = new Map<string, number>();
  let openTotal = 0;
  const state = {
    maxConcurrentByHost: new Map<string, number>(),
    maxConcurrent: 0,
    requests: [] as LocalLinkServer["requests"],
  };
  const handler: http.RequestListener = (req, res) => {
    const host = (req.headers.host ?? "").replace(/:\d+$/, "");
    state.requests.push({
      method: req.method ?? "",
      host,
      path: req.url ?? "",
      userAgent: req.headers["user-agent"] ?? "",
    });
    open.set(host, (open.get(host) ?? 0) + 1);
    openTotal++;
    state.maxConcurrentByHost.set(host, Math.max(state.maxConcurrentByHost.get(host) ?? 0, open.get(host)!));
    state.maxConcurrent = Math.max(state.maxConcurrent, openTotal);
    res.on("close", () => {
      open.set(host, open.get(host)! - 1);
      openTotal--;
    });
    const delay = Number(new URL(req.url ?? "/", "http://x").searchParams.get("delay") ?? 0);
    if (delay > 0) setTimeout(() => answer(req, res, overrides), delay);
    else answer(req, res, overrides);
  };

  // Host names resolve to addresses; a name like "localhost" is served on what it resolves to.
  const addresses = [...new Set(hosts.map((h) => (h === "localhost" ? "127.0.0.1" : h)))];
  const servers: http.Server[] = [];
  let port = 0;
  for (const address of addresses) {
    const server = http.createServer(handler);
    await new Promise<void>((resolve, reject) => server.once("error", reject).listen(port, address, resolve));
    port = (server.address() as AddressInfo).port;
    servers.push(server);
  }
  // Where "localhost" resolves to ::1 first, serve it there too (a machine without IPv6 simply skips it).
  if (hosts.includes("localhost")) {
    const v6 = http.createServer(handler);
    await new Promise<void>((resolve) =>
      v6.once("error", () => resolve()).listen(port, "::1", () => (servers.push(v6), resolve())),
    );
  }
  return {
    port,
    base: (host) => `http://${host}:${port}`,
    get maxConcurrentByHost() {
      return state.maxConcurrentByHost;
    },
    get maxConcurrent() {
      return state.maxConcurrent;
    },
    get requests() {
      return state.requests;
    },
    setStatus: (path, status) => void overrides.set(path, status),
    close: async () => {
      await Promise.all(
        servers.map(
          (s) =>
            new Promise<void>((resolve) => {
              s.closeAllConnections(); // the hanging requests too
              s.close(() => resolve());
            }),
        ),
      );
    },
  };
}

/** A port nothing listens on, for "connection refused". */
export async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
