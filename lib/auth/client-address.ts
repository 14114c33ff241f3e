// Which address a request came from, for sign-in throttling and logs.
//
// Next.js keeps an X-Forwarded-For header the client sent and only fills it in from the socket
// when it is missing, so the header alone lets any client claim a new address on every request.
// TRUSTED_PROXY_HOPS says how many proxies of our own stand in front of the app: 0 (the default)
// means none, so the socket's address is used and the header ignored; N means each of those N
// proxies appends the address it received the request from, so the Nth entry from the right is
// the one our outermost proxy saw. Entries further left were written by the client and prove
// nothing.
import { isIP } from "node:net";

/** Set on every request from its socket by installClientAddressHeader(); a client's own value is overwritten. */
export const CLIENT_ADDRESS_HEADER = "x-tracker-client-address";

export class SettingError extends Error {}

export function trustedProxyHops(env: Record<string, string | undefined> = process.env): number {
  const raw = env.TRUSTED_PROXY_HOPS;
  if (raw === undefined || raw.trim() === "") return 0;
  const hops = Number(raw);
  if (!/^\s*\d+\s*$/.test(raw) || hops > 10) {
    throw new SettingError(
      `TRUSTED_PROXY_HOPS must be the number of proxies in front of the app, from 0 to 10 (such as 1 behind one load balancer), not “${raw}”.`,
    );
  }
  return hops;
}

/** An address as the throttle should key it: IPv4 seen on an IPv6 socket is plain IPv4. */
function normalise(address: string): string {
  const trimmed = address.trim().replace(/^\[(.*)\](:\d+)?$/, "$1");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  if (mapped) return mapped[1];
  // "1.2.3.4:5678" from proxies that append the port.
  const withPort = /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(trimmed);
  if (withPort) return withPort[1];
  return trimmed.slice(0, 64).toLowerCase();
}

export function clientAddressFrom(
  forwardedFor: string | string[] | undefined,
  socketAddress: string | undefined,
  hops: number,
): string {
  const socket = socketAddress ? normalise(socketAddress) : "unknown";
  if (hops === 0) return socket;
  const entries = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  // Fewer entries than proxies: the request skipped the outer ones; the leftmost is the furthest
  // any of ours saw (what Express's `trust proxy` with a hop count does too).
  const entry = entries[Math.max(0, entries.length - hops)];
  if (!entry) return socket;
  const address = normalise(entry);
  return isIP(address) ? address : socket;
}
