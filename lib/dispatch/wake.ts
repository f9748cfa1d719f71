import { EventEmitter } from "node:events";
import { db } from "../db/client";
import { hasEngineConnection, statement } from "../db/engine-connection";

/**
 * How a worker learns that new work is due without polling the queue itself. Two channels:
 * inside one process an emitter on globalThis (route handlers and instrumentation are separate
 * bundles of the built app, so a module-level emitter would be a different one in each), and
 * across processes a watcher of changes other processes commit. On SQLite the watcher reads
 * `PRAGMA data_version`, a counter in shared memory that moves when another connection commits:
 * checking it costs microseconds, so it can run every few tens of milliseconds. A PostgreSQL
 * engine plugs in a LISTEN/NOTIFY watcher with the same shape.
 */
export type QueueWatcher = {
  /** Calls `onChange` soon after another process may have queued work; returns a stop function. */
  watch: (onChange: () => void) => () => void;
};

export const CROSS_PROCESS_CHECK_MS = 30;

const globalForWake = globalThis as unknown as { webhooksWake?: EventEmitter };

function emitter(): EventEmitter {
  if (!globalForWake.webhooksWake) {
    const created = new EventEmitter();
    created.setMaxListeners(100);
    globalForWake.webhooksWake = created;
  }
  return globalForWake.webhooksWake;
}

/** Tells this process's workers that deliveries became due (ingest, resend). */
export function wakeWorkers(): void {
  emitter().emit("wake");
}

export function onWake(listener: () => void): () => void {
  const channel = emitter();
  channel.on("wake", listener);
  return () => channel.off("wake", listener);
}

export const sqliteQueueWatcher: QueueWatcher = {
  watch(onChange) {
    let last: number | null = null;
    let stopped = false;
    let timer: NodeJS.Timeout | null = null;
    const check = async () => {
      if (stopped) return;
      try {
        if (!hasEngineConnection()) await db.$connect();
        const current = Number(statement("PRAGMA data_version").pluck().get());
        if (last !== null && current !== last) onChange();
        last = current;
      } catch {
        // The connection is being closed or reopened; the next check tries again.
      }
      if (!stopped) {
        timer = setTimeout(check, CROSS_PROCESS_CHECK_MS);
        timer.unref();
      }
    };
    void check();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  },
};
