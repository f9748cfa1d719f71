import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction, Socket } from "node:net";
import type { Duplex } from "node:stream";
import { assertAllowedAddress, createGuardedLookup, type GuardOptions } from "./url-guard";

export type GuardedAgents = { http: http.Agent; https: https.Agent };

/**
 * Pool sizes for the worker's 32 concurrent sends: one slow receiver may hold at most 64
 * sockets, and the whole process at most 256, so a burst cannot exhaust file descriptors.
 */
export const MAX_SOCKETS_PER_HOST = 64;
const MAX_TOTAL_SOCKETS = 256;
const MAX_FREE_SOCKETS_PER_HOST = 32;
/**
 * Idle keep-alive sockets are closed after 4 s, below the 5 s idle timeout of Node and Apache
 * servers: reusing a socket the receiver is closing at that moment fails the attempt with
 * ECONNRESET. Node also honours a shorter `Keep-Alive: timeout=` the receiver announces.
 */
const FREE_SOCKET_TIMEOUT_MS = 4_000;

type ConnectionCallback = (error: Error | null, socket: Duplex) => void;

/**
 * IP-literal hosts never reach a lookup function (net connects to them directly), so they are
 * checked here; names get the guarded lookup, forced over any lookup a caller passes in.
 */
function guardConnection<T extends http.ClientRequestArgs>(
  options: T,
  guard: GuardOptions,
  lookup: LookupFunction,
  callback: ConnectionCallback | undefined,
): { options: T } | { error: Error } {
  const host = options.host ?? options.hostname ?? undefined;
  if (host && isIP(host) !== 0) {
    try {
      assertAllowedAddress(host, host, guard.allowPrivate);
    } catch (error) {
      if (!(error instanceof Error)) throw error;
      if (callback) callback(error, new Socket());
      return { error };
    }
  }
  return { options: { ...options, lookup } };
}

class GuardedHttpAgent extends http.Agent {
  readonly #guard: GuardOptions;
  readonly #lookup: LookupFunction;

  constructor(options: http.AgentOptions, guard: GuardOptions) {
    super(options);
    this.#guard = guard;
    this.#lookup = createGuardedLookup(guard);
  }

  override createConnection(options: http.ClientRequestArgs, callback?: ConnectionCallback) {
    const guarded = guardConnection(options, this.#guard, this.#lookup, callback);
    if ("error" in guarded) return callback ? undefined : destroyedSocket(guarded.error);
    return super.createConnection(guarded.options, callback);
  }
}

class GuardedHttpsAgent extends https.Agent {
  readonly #guard: GuardOptions;
  readonly #lookup: LookupFunction;

  constructor(options: https.AgentOptions, guard: GuardOptions) {
    super(options);
    this.#guard = guard;
    this.#lookup = createGuardedLookup(guard);
  }

  override createConnection(options: https.RequestOptions, callback?: ConnectionCallback) {
    const guarded = guardConnection(options, this.#guard, this.#lookup, callback);
    if ("error" in guarded) return callback ? undefined : destroyedSocket(guarded.error);
    return super.createConnection(guarded.options, callback);
  }
}

function destroyedSocket(error: Error): Socket {
  const socket = new Socket();
  socket.destroy(error);
  return socket;
}

/** Keep-alive http and https agents whose every connection passes the SSRF guard. */
export function createGuardedAgents(guard: GuardOptions): GuardedAgents {
  const tuning = {
    keepAlive: true,
    maxSockets: MAX_SOCKETS_PER_HOST,
    maxTotalSockets: MAX_TOTAL_SOCKETS,
    maxFreeSockets: MAX_FREE_SOCKETS_PER_HOST,
    timeout: FREE_SOCKET_TIMEOUT_MS,
    scheduling: "lifo" as const,
  };
  return { http: new GuardedHttpAgent(tuning, guard), https: new GuardedHttpsAgent(tuning, guard) };
}

const shared = new Map<boolean, GuardedAgents>();

/**
 * One pair per policy for the whole process, so sends reuse warm connections. The policy is
 * part of the key because a socket opened under "private allowed" must never serve a send that
 * is not allowed to reach that address.
 */
export function sharedGuardedAgents(allowPrivate: boolean): GuardedAgents {
  let agents = shared.get(allowPrivate);
  if (!agents) {
    agents = createGuardedAgents({ allowPrivate });
    shared.set(allowPrivate, agents);
  }
  return agents;
}
