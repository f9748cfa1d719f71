import dns, { type LookupAddress } from "node:dns";
import { isIP, type LookupFunction } from "node:net";
import { type BlockReason, classifyAddress } from "./address-policy";

export { type AddressVerdict, type BlockReason, classifyAddress } from "./address-policy";

/** A webhook target that resolves to an address the SSRF policy refuses. */
export class BlockedTargetError extends Error {
  override name = "BlockedTargetError";
  /** Node-style code, so it survives wrappers (got's RequestError) that copy `code`. */
  readonly code = "ERR_BLOCKED_TARGET";

  constructor(
    readonly host: string,
    readonly address: string,
    readonly reason: BlockReason,
    verdict: { description: string; kind: string },
  ) {
    // A name's address is not told: the message reaches whoever configured the URL, and saying
    // what an internal name resolves to would map the internal network for them.
    super(
      host === address
        ? `blocked target: ${verdict.description}`
        : `blocked target: ${host} resolves to ${verdict.kind}`,
    );
  }
}

/** Throws BlockedTargetError when `address` (what `host` resolved to) may not be connected to. */
export function assertAllowedAddress(host: string, address: string, allowPrivate: boolean): void {
  const verdict = classifyAddress(address);
  if (!verdict.blocked) return;
  if (allowPrivate && !verdict.alwaysBlocked) return;
  throw new BlockedTargetError(host, address, verdict.reason, verdict);
}

/** Resolves every address of a host; the default is the system resolver (dns.lookup). */
export type ResolveAll = (hostname: string, family: 0 | 4 | 6) => Promise<LookupAddress[]>;

const systemResolveAll: ResolveAll = (hostname, family) =>
  dns.promises.lookup(hostname, { all: true, family });

export type GuardOptions = {
  allowPrivate: boolean;
  /** Replaces the system resolver (tests point made-up names at loopback). */
  resolveAll?: ResolveAll;
};

/**
 * A drop-in for `dns.lookup` as net/tls/http call it (`all` aware). It resolves the host,
 * refuses it if ANY address is blocked (a name that mixes public and private addresses is a
 * rebinding attempt or a misconfiguration either way), and hands back exactly the addresses it
 * checked: the socket connects to what was checked, so there is no window in which a second DNS
 * answer could point the connection somewhere else.
 */
export function createGuardedLookup({
  allowPrivate,
  resolveAll = systemResolveAll,
}: GuardOptions): LookupFunction {
  return (hostname, options, callback) => {
    const family = familyOf(options.family);
    resolveGuarded(hostname, family, allowPrivate, resolveAll).then(
      (addresses) => {
        if (options.all) {
          callback(null, addresses);
          return;
        }
        const [first] = addresses;
        if (first) callback(null, first.address, first.family);
        else callback(notFound(hostname), "", 0);
      },
      (error: NodeJS.ErrnoException) => callback(error, "", 0),
    );
  };
}

async function resolveGuarded(
  hostname: string,
  family: 0 | 4 | 6,
  allowPrivate: boolean,
  resolveAll: ResolveAll,
): Promise<LookupAddress[]> {
  const addresses =
    isIP(hostname) === 0
      ? await resolveAll(hostname, family)
      : [{ address: hostname, family: isIP(hostname) }];
  if (addresses.length === 0) throw notFound(hostname);
  for (const { address } of addresses) assertAllowedAddress(hostname, address, allowPrivate);
  return addresses;
}

function familyOf(value: dns.LookupOptions["family"]): 0 | 4 | 6 {
  if (value === 4 || value === "IPv4") return 4;
  if (value === 6 || value === "IPv6") return 6;
  return 0;
}

function notFound(hostname: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
    code: "ENOTFOUND",
    hostname,
  });
}
