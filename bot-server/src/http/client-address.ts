import { BlockList, isIP } from "node:net";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";

/**
 * Who is asking, as an address block to count requests by (rate limits). The TCP peer's address, unless
 * that peer is a proxy named in TRUSTED_PROXIES: then the nearest address in X-Forwarded-For that is not
 * itself a trusted proxy (read from the right, since a client can write anything to the left of what
 * the proxies appended). Without TRUSTED_PROXIES the header is ignored: trusting it would let any client
 * choose its own counter. IPv6 clients are counted per /64, the block one subscriber receives (RFC 6177),
 * or changing addresses would reset the count.
 */

/**
 * "10.0.0.0/8, 127.0.0.1, fd00::/8" → normalised entries; null when one is neither an address nor a
 * CIDR block (config.ts names the variable). Empty text → [].
 */
export function parseTrustedProxies(text: string): string[] | null {
  const entries = text
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  for (const entry of entries) {
    const [address = "", prefix, extra] = entry.split("/");
    const family = isIP(address);
    if (family === 0 || extra !== undefined) return null;
    if (prefix !== undefined) {
      const bits = /^\d{1,3}$/.test(prefix) ? Number(prefix) : Number.NaN;
      if (!(bits >= 0 && bits <= (family === 4 ? 32 : 128))) return null;
    }
  }
  return entries;
}

export function trustedProxyList(entries: readonly string[]): BlockList | undefined {
  if (entries.length === 0) return undefined;
  const list = new BlockList();
  for (const entry of entries) {
    const [address = "", prefix] = entry.split("/");
    const type = isIP(address) === 6 ? "ipv6" : "ipv4";
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return list;
}

function isTrusted(list: BlockList, address: string): boolean {
  const plain = unmapped(address);
  const family = isIP(plain);
  return family !== 0 && list.check(plain, family === 6 ? "ipv6" : "ipv4");
}

/** The client's address block ("unknown" for a request built in-process, e.g. in tests). */
export function clientAddress(c: Context, trusted?: BlockList): string {
  let peer: string | undefined;
  try {
    peer = getConnInfo(c).remote.address;
  } catch {
    peer = undefined;
  }
  if (!peer) return "unknown";
  if (!trusted || !isTrusted(trusted, peer)) return addressBlock(peer);
  const forwarded = (c.req.header("X-Forwarded-For") ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter((hop) => isIP(unmapped(hop)) !== 0);
  for (let index = forwarded.length - 1; index >= 0; index -= 1) {
    const hop = forwarded[index] as string;
    if (!isTrusted(trusted, hop)) return addressBlock(hop);
  }
  // Every hop is a trusted proxy (or none was given): the request came from inside.
  return addressBlock(forwarded[0] ?? peer);
}

function unmapped(address: string): string {
  return /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1] ?? address;
}

export function addressBlock(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (!address.includes(":")) return address;
  const [head = "", tail = ""] = address.split("%")[0]?.split("::") ?? [];
  const left = head ? head.split(":") : [];
  const right = address.includes("::") && tail ? tail.split(":") : [];
  const groups = [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right];
  return `${groups
    .slice(0, 4)
    .map((group) => group.toLowerCase().replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}
