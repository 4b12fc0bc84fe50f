import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { addressBlock, clientAddress, parseTrustedProxies, trustedProxyList } from "./client-address";

describe("addressBlock", () => {
  it("keeps IPv4 addresses and unwraps IPv4-mapped IPv6", () => {
    expect(addressBlock("203.0.113.7")).toBe("203.0.113.7");
    expect(addressBlock("::ffff:203.0.113.7")).toBe("203.0.113.7");
  });

  it("reduces IPv6 to its /64, however it is written", () => {
    expect(addressBlock("2001:db8:1:2::1")).toBe("2001:db8:1:2::/64");
    expect(addressBlock("2001:0DB8:0001:0002:aaaa:bbbb:cccc:dddd")).toBe("2001:db8:1:2::/64");
    expect(addressBlock("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(addressBlock("::1")).toBe("0:0:0:0::/64");
    expect(addressBlock("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
  });
});

describe("parseTrustedProxies", () => {
  it("accepts addresses and CIDR blocks of both families", () => {
    expect(parseTrustedProxies(" 10.0.0.0/8, 127.0.0.1 ,fd00::/8,::1")).toEqual([
      "10.0.0.0/8",
      "127.0.0.1",
      "fd00::/8",
      "::1",
    ]);
    expect(parseTrustedProxies("")).toEqual([]);
  });

  it("refuses anything else", () => {
    for (const bad of ["10.0.0.0/33", "fd00::/129", "proxy.local", "10.0.0.1/8/8", "10.0.0.0/x", "1.2.3"]) {
      expect(parseTrustedProxies(bad)).toBeNull();
    }
  });
});

describe("clientAddress", () => {
  const app = new Hono().get("/", (c) => {
    const trusted = trustedProxyList(c.req.header("X-Test-Trusted")?.split(",") ?? []);
    return c.text(clientAddress(c, trusted));
  });
  const ask = async (peer: string, headers: Record<string, string> = {}) => {
    const response = await app.request("/", { headers }, { incoming: { socket: { remoteAddress: peer } } });
    return response.text();
  };

  it("is the TCP peer when no proxy is trusted, whatever X-Forwarded-For says", async () => {
    expect(await ask("203.0.113.7", { "X-Forwarded-For": "198.51.100.1" })).toBe("203.0.113.7");
  });

  it("ignores X-Forwarded-For from a peer that is not a trusted proxy", async () => {
    const headers = { "X-Test-Trusted": "10.0.0.0/8", "X-Forwarded-For": "198.51.100.1" };
    expect(await ask("203.0.113.7", headers)).toBe("203.0.113.7");
  });

  it("takes the nearest untrusted hop behind trusted proxies, not what the client wrote first", async () => {
    const headers = { "X-Test-Trusted": "10.0.0.0/8", "X-Forwarded-For": "1.1.1.1, 198.51.100.9, 10.1.2.3" };
    expect(await ask("10.0.0.2", headers)).toBe("198.51.100.9");
    expect(await ask("::ffff:10.0.0.2", headers)).toBe("198.51.100.9");
  });

  it("counts an IPv6 client behind the proxy per /64, and skips hops that are not addresses", async () => {
    const headers = { "X-Test-Trusted": "10.0.0.0/8", "X-Forwarded-For": "2001:db8:1:2::7, garbage" };
    expect(await ask("10.0.0.2", headers)).toBe("2001:db8:1:2::/64");
  });
});
