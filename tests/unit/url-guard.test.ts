import type { LookupAddress } from "node:dns";
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGuardedAgents } from "@/lib/dispatch/guarded-agents";
import {
  assertAllowedAddress,
  BlockedTargetError,
  classifyAddress,
  createGuardedLookup,
  type ResolveAll,
} from "@/lib/dispatch/url-guard";
import { type LoopbackServer, startLoopbackServer } from "../helpers/loopback-server";

describe("classifyAddress", () => {
  it.each([
    // Public unicast passes, in every form that reaches a public host.
    ["8.8.8.8", null],
    ["93.184.216.34", null],
    ["2606:4700:4700::1111", null],
    ["::ffff:8.8.8.8", null],
    ["64:ff9b::8.8.8.8", null],
    ["2002:808:808::1", null],
    // IPv4 special ranges.
    ["127.0.0.1", "loopback"],
    ["127.255.255.254", "loopback"],
    ["10.0.0.5", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.1", "private"],
    ["169.254.1.1", "link-local"],
    ["100.64.0.1", "carrier-grade NAT"],
    ["100.127.255.255", "carrier-grade NAT"],
    ["0.0.0.0", "unspecified"],
    ["255.255.255.255", "broadcast"],
    ["224.0.0.1", "multicast"],
    ["240.0.0.1", "reserved"],
    ["192.0.2.1", "reserved"],
    // IPv6 special ranges.
    ["::1", "loopback"],
    ["::", "unspecified"],
    ["fe80::1", "link-local"],
    ["fe80::1%eth0", "link-local"],
    ["fc00::1", "unique-local"],
    ["fd12:3456::1", "unique-local"],
    ["fec0::1", "private"],
    ["ff02::1", "multicast"],
    ["2001:db8::1", "reserved"],
    // IPv4 hidden in IPv6 forms is judged by the IPv4 address.
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["::FFFF:10.0.0.1", "private"],
    ["::ffff:0:127.0.0.1", "loopback"],
    ["::127.0.0.1", "loopback"],
    ["::7f00:1", "loopback"],
    ["::8.8.8.8", "reserved"],
    ["64:ff9b::10.0.0.1", "private"],
    ["64:ff9b:1::1", "reserved"],
    ["2002:7f00:1::1", "loopback"],
    ["2002:c0a8:101::1", "private"],
    ["2001:0:4136:e378:8000:63bf:80ff:fffe", "loopback"],
    // Cloud metadata endpoints.
    ["169.254.169.254", "cloud metadata"],
    ["100.100.100.200", "cloud metadata"],
    ["fd00:ec2::254", "cloud metadata"],
    ["::ffff:169.254.169.254", "cloud metadata"],
    ["168.63.129.16", "cloud metadata"],
    // Not an address at all.
    ["localhost", "not an IP address"],
  ])("%s → %s", (address, reason) => {
    const verdict = classifyAddress(address);
    if (reason === null) expect(verdict).toEqual({ blocked: false });
    else expect(verdict).toMatchObject({ blocked: true, reason });
  });
});

describe("assertAllowedAddress", () => {
  it("refuses loopback and private unless private targets are allowed", () => {
    expect(() => assertAllowedAddress("127.0.0.1", "127.0.0.1", false)).toThrow(BlockedTargetError);
    expect(() => assertAllowedAddress("127.0.0.1", "127.0.0.1", true)).not.toThrow();
    expect(() => assertAllowedAddress("10.0.0.5", "10.0.0.5", true)).not.toThrow();
  });

  it("refuses cloud metadata even when private targets are allowed", () => {
    expect(() => assertAllowedAddress("169.254.169.254", "169.254.169.254", true)).toThrow(
      "blocked target: 169.254.169.254, a cloud metadata address",
    );
  });

  it("refuses all of link-local even when private targets are allowed", () => {
    for (const address of ["169.254.1.1", "169.254.0.1", "fe80::1"]) {
      expect(() => assertAllowedAddress(address, address, true)).toThrow(
        `blocked target: ${address}, a link-local address`,
      );
    }
  });

  it("names the host and why, but not the address a name resolves to", () => {
    expect(() => assertAllowedAddress("crm.internal", "10.0.0.5", false)).toThrow(
      /^blocked target: crm\.internal resolves to a private address$/,
    );
    expect(() => assertAllowedAddress("x.example", "::ffff:7f00:1", false)).toThrow(
      /^blocked target: x\.example resolves to a loopback address$/,
    );
  });

  it("names the address and its form when the URL holds the address itself", () => {
    expect(() => assertAllowedAddress("::ffff:7f00:1", "::ffff:7f00:1", false)).toThrow(
      "blocked target: ::ffff:7f00:1 (IPv4-mapped form of 127.0.0.1), a loopback address",
    );
  });
});

/** A resolver with fixed answers that counts its calls. */
function fakeResolver(answers: Record<string, LookupAddress[]>) {
  const calls: string[] = [];
  const resolveAll: ResolveAll = async (hostname) => {
    calls.push(hostname);
    const found = answers[hostname];
    if (!found)
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
    return found;
  };
  return { calls, resolveAll };
}

function lookupOnce(
  lookup: ReturnType<typeof createGuardedLookup>,
  hostname: string,
  all: boolean,
): Promise<{ error: NodeJS.ErrnoException | null; address: string | LookupAddress[] }> {
  return new Promise((resolve) => {
    lookup(hostname, { all }, (error, address) => resolve({ error, address }));
  });
}

describe("createGuardedLookup", () => {
  const { calls, resolveAll } = fakeResolver({
    "crm.internal": [{ address: "10.0.0.5", family: 4 }],
    "mixed.example": [
      { address: "93.184.216.34", family: 4 },
      { address: "127.0.0.1", family: 4 },
    ],
    "public.example": [
      { address: "93.184.216.34", family: 4 },
      { address: "2606:2800:220:1::1", family: 6 },
    ],
  });

  it("fails with BlockedTargetError when the name resolves to a private address", async () => {
    const lookup = createGuardedLookup({ allowPrivate: false, resolveAll });
    const { error } = await lookupOnce(lookup, "crm.internal", false);
    expect(error).toBeInstanceOf(BlockedTargetError);
    expect(error?.message).toBe("blocked target: crm.internal resolves to a private address");
  });

  it("checks every address, not only the first", async () => {
    const lookup = createGuardedLookup({ allowPrivate: false, resolveAll });
    const { error } = await lookupOnce(lookup, "mixed.example", true);
    expect(error?.message).toBe("blocked target: mixed.example resolves to a loopback address");
  });

  it("answers in the shape asked for: one address, or all of them", async () => {
    const lookup = createGuardedLookup({ allowPrivate: false, resolveAll });
    expect((await lookupOnce(lookup, "public.example", false)).address).toBe("93.184.216.34");
    expect((await lookupOnce(lookup, "public.example", true)).address).toEqual([
      { address: "93.184.216.34", family: 4 },
      { address: "2606:2800:220:1::1", family: 6 },
    ]);
  });

  it("allows private answers when private targets are allowed", async () => {
    const lookup = createGuardedLookup({ allowPrivate: true, resolveAll });
    expect(await lookupOnce(lookup, "crm.internal", false)).toEqual({
      error: null,
      address: "10.0.0.5",
    });
  });

  it("checks IP literals without asking DNS", async () => {
    const before = calls.length;
    const lookup = createGuardedLookup({ allowPrivate: false, resolveAll });
    const { error } = await lookupOnce(lookup, "::ffff:127.0.0.1", false);
    expect(error?.message).toBe(
      "blocked target: ::ffff:127.0.0.1 (IPv4-mapped form of 127.0.0.1), a loopback address",
    );
    expect(calls.length).toBe(before);
  });

  it("passes DNS failures through unchanged", async () => {
    const lookup = createGuardedLookup({ allowPrivate: false, resolveAll });
    const { error } = await lookupOnce(lookup, "nothing.invalid", false);
    expect(error?.code).toBe("ENOTFOUND");
  });
});

describe("guarded agents", () => {
  let server: LoopbackServer;

  beforeAll(async () => {
    server = await startLoopbackServer();
  });

  afterAll(async () => {
    await server.close();
  });

  function get(agent: http.Agent, host: string): Promise<number | string> {
    return new Promise((resolve) => {
      const request = http.get({ host, port: server.port, path: "/", agent }, (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
      });
      request.on("error", (error) => resolve(error.message));
    });
  }

  it("refuses a name that resolves to loopback, before any connection", async () => {
    const { resolveAll } = fakeResolver({ "receiver.test": [{ address: "127.0.0.1", family: 4 }] });
    const agents = createGuardedAgents({ allowPrivate: false, resolveAll });
    const before = server.connections();
    expect(await get(agents.http, "receiver.test")).toBe(
      "blocked target: receiver.test resolves to a loopback address",
    );
    expect(server.connections()).toBe(before);
    agents.http.destroy();
  }, 10_000);

  it("refuses an IP-literal loopback host and a system-resolved localhost", async () => {
    const agents = createGuardedAgents({ allowPrivate: false });
    const before = server.connections();
    expect(await get(agents.http, "127.0.0.1")).toBe(
      "blocked target: 127.0.0.1, a loopback address",
    );
    expect(await get(agents.http, "localhost")).toMatch(
      /^blocked target: localhost resolves to a loopback address$/,
    );
    expect(server.connections()).toBe(before);
    agents.http.destroy();
  }, 10_000);

  it("connects to exactly the address it checked, resolving once", async () => {
    const { calls, resolveAll } = fakeResolver({
      "receiver.test": [{ address: "127.0.0.1", family: 4 }],
    });
    const agents = createGuardedAgents({ allowPrivate: true, resolveAll });
    const before = server.requests.length;
    expect(await get(agents.http, "receiver.test")).toBe(200);
    // "receiver.test" exists in no DNS: the request can only have arrived through the checked answer.
    const arrived = server.requests.slice(before);
    expect(arrived).toHaveLength(1);
    expect(arrived[0]?.rawHeaders).toContainEqual(["Host", `receiver.test:${server.port}`]);
    expect(calls).toEqual(["receiver.test"]);
    agents.http.destroy();
  }, 10_000);
});
