import { EventEmitter } from "node:events";
import { engineStore } from "./store";
import type { QueueWatcher } from "./store-types";

/**
 * How a worker learns that new work is due without polling the queue itself. Two channels:
 * inside one process an emitter on globalThis (route handlers and instrumentation are separate
 * bundles of the built app, so a module-level emitter would be a different one in each), and
 * across processes the engine's queue watcher: on SQLite a poll of `PRAGMA data_version` every
 * few tens of milliseconds, on PostgreSQL LISTEN/NOTIFY.
 */
export type { QueueWatcher } from "./store-types";

declare global {
  var webhooksWake: EventEmitter | undefined;
}

function emitter(): EventEmitter {
  if (!globalThis.webhooksWake) {
    const created = new EventEmitter();
    created.setMaxListeners(100);
    globalThis.webhooksWake = created;
  }
  return globalThis.webhooksWake;
}

/** Tells this process's workers that deliveries became due. */
export function wakeLocalWorkers(): void {
  emitter().emit("wake");
}

/** Tells every worker, in this process and others, that deliveries became due (resend). */
export function wakeWorkers(): void {
  wakeLocalWorkers();
  engineStore().notifyQueued();
}

export function onWake(listener: () => void): () => void {
  const channel = emitter();
  channel.on("wake", listener);
  return () => channel.off("wake", listener);
}

/** How this engine's workers hear of work queued by other processes. */
export function queueWatcher(): QueueWatcher {
  return engineStore().queueWatcher;
}
