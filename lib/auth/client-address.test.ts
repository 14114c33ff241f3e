import { createServer } from "node:http";
import { describe, expect, it } from "vitest";
import { setClientAddressHeaders } from "./client-address-hook";
import { CLIENT_ADDRESS_HEADER, clientAddressFrom, trustedProxyHops } from "./client-address";

describe("clientAddressFrom", () => {
  it("with no proxy of ours (TRUSTED_PROXY_HOPS=0) uses the socket's address and ignores the header", () => {
    expect(clientAddressFrom("198.51.100.7", "127.0.0.1", 0)).toBe("127.0.0.1");
    expect(clientAddressFrom("1.1.1.1, 2.2.2.2", "::ffff:192.0.2.5", 0)).toBe("192.0.2.5");
    expect(clientAddressFrom(undefined, "2001:DB8::1", 0)).toBe("2001:db8::1");
  });

  it("behind one load balancer (1) takes the entry it appended, whatever the client wrote before it", () => {
    expect(clientAddressFrom("203.0.113.9", "10.0.0.1", 1)).toBe("203.0.113.9");
    expect(clientAddressFrom("6.6.6.6, 7.7.7.7, 203.0.113.9", "10.0.0.1", 1)).toBe("203.0.113.9");
  });

  it("behind two proxies (2) takes the second entry from the right, not the inner proxy's", () => {
    expect(clientAddressFrom("6.6.6.6, 203.0.113.9, 10.0.0.2", "10.0.0.1", 2)).toBe("203.0.113.9");
    expect(clientAddressFrom(["6.6.6.6, 203.0.113.9", "10.0.0.2"], "10.0.0.1", 2)).toBe("203.0.113.9");
    // The request skipped the outer proxy: the furthest address our proxy saw.
    expect(clientAddressFrom("203.0.113.9", "10.0.0.1", 2)).toBe("203.0.113.9");
  });

  it("falls back to the socket when the trusted entry is missing or not an address", () => {
    expect(clientAddressFrom(undefined, "10.0.0.1", 1)).toBe("10.0.0.1");
    expect(clientAddressFrom("not-an-address", "10.0.0.1", 1)).toBe("10.0.0.1");
    expect(clientAddressFrom("[2001:db8::5]:443", "10.0.0.1", 1)).toBe("2001:db8::5");
    expect(clientAddressFrom("192.0.2.8:5555", "10.0.0.1", 1)).toBe("192.0.2.8");
  });
});

describe("TRUSTED_PROXY_HOPS", () => {
  it("defaults to 0 and refuses anything but a small whole number with one sentence", () => {
    expect(trustedProxyHops({})).toBe(0);
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: "2" })).toBe(2);
    for (const bad of ["-1", "one", "1.5", "99"]) {
      expect(() => trustedProxyHops({ TRUSTED_PROXY_HOPS: bad })).toThrow(
        `TRUSTED_PROXY_HOPS must be the number of proxies in front of the app, from 0 to 10 (such as 1 behind one load balancer), not “${bad}”.`,
      );
    }
  });
});

/** What a real HTTP server's handler sees in the header, for a request with these headers. */
async function seen(hops: number, headers: Record<string, string>) {
  const stop = setClientAddressHeaders(hops);
  const server = createServer((req, res) => res.end(String(req.headers[CLIENT_ADDRESS_HEADER])));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  try {
    const { port } = server.address() as { port: number };
    return await (await fetch(`http://127.0.0.1:${port}/`, { headers })).text();
  } finally {
    stop();
    await new Promise((r) => server.close(r));
  }
}

describe("the client-address header set from the socket", () => {
  it("with TRUSTED_PROXY_HOPS=0 is the socket's address, whatever the client claims in either header", async () => {
    expect(await seen(0, { "x-forwarded-for": "198.51.100.7", [CLIENT_ADDRESS_HEADER]: "203.0.113.1" })).toBe(
      "127.0.0.1",
    );
  });

  it("with TRUSTED_PROXY_HOPS=1 is the entry the proxy appended", async () => {
    expect(await seen(1, { "x-forwarded-for": "6.6.6.6, 198.51.100.7", [CLIENT_ADDRESS_HEADER]: "203.0.113.1" })).toBe(
      "198.51.100.7",
    );
  });
});
