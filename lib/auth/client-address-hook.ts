// Puts each request's client address (see client-address.ts) in a header of our own as Node
// receives it, before Next.js or the app sees the request: route handlers and Auth.js's
// authorize() get a Request, never the socket, so this is how the socket's address reaches them.
//
// Node publishes "http.server.request.start" synchronously, before the server's "request" event,
// for every request of every HTTP server in the process (Next's included), which is why a
// diagnostics channel rather than a custom server. Called once from instrumentation.ts.
import { subscribe, unsubscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { CLIENT_ADDRESS_HEADER, clientAddressFrom, trustedProxyHops } from "./client-address";

let installed = false;

export function installClientAddressHeader(env: Record<string, string | undefined> = process.env) {
  if (installed) return;
  installed = true;
  setClientAddressHeaders(trustedProxyHops(env));
}

/** Starts setting the header on every request received in this process; returns how to stop. */
export function setClientAddressHeaders(hops: number): () => void {
  const listener = (message: unknown) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    // Always overwritten: a value the client sent under this name must never survive.
    request.headers[CLIENT_ADDRESS_HEADER] = clientAddressFrom(
      request.headers["x-forwarded-for"],
      socket?.remoteAddress,
      hops,
    );
  };
  subscribe("http.server.request.start", listener);
  return () => void unsubscribe("http.server.request.start", listener);
}
