import { engineStore } from "./store";
import type { Settlement } from "./store-types";

export { PAUSE_AFTER_FAILURES, type Settlement } from "./store-types";

/** Writes a batch of settlements in one transaction; per item, whether it was recorded. */
export function writeSettlements(items: Settlement[]): Promise<boolean[]> {
  return engineStore().settle(items);
}

const BATCH_WINDOW_MS = 2;
const BATCH_LIMIT = 256;

export type Settler = {
  /**
   * Resolves once the settlement is committed: true if it was recorded, false if the worker
   * had lost the lease meanwhile (another worker owns the delivery now).
   */
  settle: (item: Settlement) => Promise<boolean>;
  flush: () => Promise<void>;
};

/**
 * Collects the outcomes that finish within a couple of milliseconds of each other and commits
 * them together: under load one commit serves dozens of attempts.
 */
export function createSettler(): Settler {
  let pending: Array<{
    item: Settlement;
    done: (recorded: boolean) => void;
    fail: (error: unknown) => void;
  }> = [];
  let timer: NodeJS.Timeout | null = null;
  let writing: Promise<void> = Promise.resolve();

  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const batch = pending;
    pending = [];
    if (batch.length === 0) return writing;
    writing = writing
      .then(() => writeSettlements(batch.map((entry) => entry.item)))
      .then(
        (recorded) => {
          batch.forEach((entry, index) => {
            entry.done(recorded[index] === true);
          });
        },
        (error: unknown) => {
          for (const entry of batch) entry.fail(error);
        },
      );
    return writing;
  };

  return {
    settle(item) {
      return new Promise<boolean>((resolve, reject) => {
        pending.push({ item, done: resolve, fail: reject });
        if (pending.length >= BATCH_LIMIT) void flush();
        else timer ??= setTimeout(() => void flush(), BATCH_WINDOW_MS);
      });
    },
    flush,
  };
}
