import { isIP } from "node:net";
import ipaddr from "ipaddr.js";

/** Why an address is refused as a webhook target. */
export type BlockReason =
  | "loopback"
  | "private"
  | "link-local"
  | "carrier-grade NAT"
  | "unique-local"
  | "unspecified"
  | "broadcast"
  | "multicast"
  | "reserved"
  | "cloud metadata"
  | "not an IP address";

export type AddressVerdict =
  | { blocked: false }
  | {
      blocked: true;
      reason: BlockReason;
      /** Reads after the address: "10.0.0.5, a private address". */
      description: string;
      /** The kind alone, "a private address": what a resolved name is said to resolve to. */
      kind: string;
      /** Metadata endpoints stay refused even when private targets are allowed. */
      alwaysBlocked: boolean;
    };

/**
 * Cloud instance metadata services hand out credentials to whoever can reach them, so they are
 * refused even when the operator allows private targets: no webhook legitimately posts there.
 * AWS/GCP/Azure/Oracle (169.254.169.254), AWS over IPv6 (fd00:ec2::254), Alibaba (100.100.100.200),
 * Azure's platform endpoint (168.63.129.16, a public address that only a VM's host answers).
 * The rest of link-local (169.254.0.0/16, fe80::/10) stays refused for the same reason: other
 * clouds' services live there, and no receiver of ours does.
 */
const METADATA_ADDRESSES = new Set([
  "169.254.169.254",
  "fd00:ec2::254",
  "100.100.100.200",
  "168.63.129.16",
]);

const IPV4_REASONS: Record<string, BlockReason> = {
  loopback: "loopback",
  private: "private",
  linkLocal: "link-local",
  carrierGradeNat: "carrier-grade NAT",
  unspecified: "unspecified",
  broadcast: "broadcast",
  multicast: "multicast",
};

const IPV6_REASONS: Record<string, BlockReason> = {
  loopback: "loopback",
  linkLocal: "link-local",
  uniqueLocal: "unique-local",
  // fec0::/10 was the IPv6 "private" range before unique-local replaced it.
  deprecatedSiteLocal: "private",
  unspecified: "unspecified",
  multicast: "multicast",
};

const ALLOWED: AddressVerdict = { blocked: false };

/**
 * Classifies an IP address (as Node prints it: dotted IPv4 or any IPv6 text form). Only
 * ordinary public unicast passes; every special-purpose range is refused, and IPv6 forms that
 * carry an IPv4 address (mapped, translated, NAT64, 6to4, Teredo) are judged by that address,
 * since the packets end up there.
 */
export function classifyAddress(address: string): AddressVerdict {
  const version = isIP(address);
  if (version === 0) return blocked(address, "not an IP address");
  const parsed =
    version === 4 ? ipaddr.IPv4.parse(address) : ipaddr.IPv6.parse(canonicalIPv6(address));
  if (METADATA_ADDRESSES.has(parsed.toString())) return blocked(address, "cloud metadata");
  return parsed instanceof ipaddr.IPv4
    ? classifyIPv4(parsed, address)
    : classifyIPv6(parsed, address);
}

/**
 * ipaddr.js reads the dotted tail of "::a.b.c.d" as IPv4-mapped (::ffff:a.b.c.d), but it is the
 * IPv4-compatible address ::a.b.c.d, and resolvers print AAAA records that way. The WHATWG URL
 * host parser writes every IPv6 form as plain hex words, so the policy sees the real address.
 * The zone (fe80::1%eth0) is not part of the address and URLs cannot carry it.
 */
function canonicalIPv6(address: string): string {
  const [bare = address] = address.split("%");
  return new URL(`http://[${bare}]/`).hostname.slice(1, -1);
}

function classifyIPv4(ip: ipaddr.IPv4, shown: string): AddressVerdict {
  const range: string = ip.range();
  if (range === "unicast") return ALLOWED;
  return blocked(shown, IPV4_REASONS[range] ?? "reserved");
}

function classifyIPv6(ip: ipaddr.IPv6, shown: string): AddressVerdict {
  const range: string = ip.range();
  const embedded = embeddedIPv4(ip, range);
  if (embedded) return classifyEmbedded(shown, embedded.ip, embedded.form);
  if (range === "unicast") return ALLOWED;
  return blocked(shown, IPV6_REASONS[range] ?? "reserved");
}

type Embedded = { ip: ipaddr.IPv4; form: string };

function embeddedIPv4(ip: ipaddr.IPv6, range: string): Embedded | null {
  const p = ip.parts;
  const word = (index: number) => p[index] ?? 0;
  const fromWords = (high: number, low: number) =>
    new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
  switch (range) {
    case "ipv4Mapped": // ::ffff:a.b.c.d
      return { ip: fromWords(word(6), word(7)), form: "IPv4-mapped" };
    case "rfc6145": // ::ffff:0:a.b.c.d (SIIT)
      return { ip: fromWords(word(6), word(7)), form: "IPv4-translated" };
    case "rfc6052": // 64:ff9b::a.b.c.d; the local-use 64:ff9b:1::/48 stays refused below
      return word(2) === 0 ? { ip: fromWords(word(6), word(7)), form: "NAT64" } : null;
    case "6to4": // 2002:AABB:CCDD::/48
      return { ip: fromWords(word(1), word(2)), form: "6to4" };
    case "teredo": // the client's address sits in the last 32 bits, inverted
      return { ip: fromWords(word(6) ^ 0xffff, word(7) ^ 0xffff), form: "Teredo" };
  }
  // ::a.b.c.d, the deprecated IPv4-compatible form (:: and ::1 are ranges of their own).
  const compatible = p.slice(0, 6).every((part) => part === 0);
  if (compatible && range === "unicast") {
    return { ip: fromWords(word(6), word(7)), form: "IPv4-compatible" };
  }
  return null;
}

function classifyEmbedded(shown: string, ip: ipaddr.IPv4, form: string): AddressVerdict {
  const inner = classifyAddress(ip.toString());
  // The deprecated forms are never a legitimate way to reach a public host.
  if (!inner.blocked && (form === "IPv4-compatible" || form === "IPv4-translated")) {
    return blocked(shown, "reserved");
  }
  if (!inner.blocked) return ALLOWED;
  return {
    blocked: true,
    reason: inner.reason,
    description: `${shown} (${form} form of ${ip.toString()}), ${article(inner.reason)} address`,
    kind: inner.kind,
    alwaysBlocked: inner.alwaysBlocked,
  };
}

function blocked(shown: string, reason: BlockReason): AddressVerdict {
  const kind = reason === "not an IP address" ? "not an IP address" : `${article(reason)} address`;
  return {
    blocked: true,
    reason,
    description: `${shown}, ${kind}`,
    kind,
    alwaysBlocked: reason === "cloud metadata" || reason === "link-local",
  };
}

function article(reason: BlockReason): string {
  return reason === "unspecified" ? `an ${reason}` : `a ${reason}`;
}
