import { Writable } from "node:stream";
import { createLogger } from "@/lib/observability/logger";

/**
 * Sends this process's log lines to a list for the test to read, parsed; `release()` gives
 * the process its own logger back.
 */
export function captureLog(): {
  entries: () => Array<Record<string, unknown>>;
  release: () => void;
} {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  globalThis.webhooksLogger = createLogger({ level: "info", destination });
  return {
    entries: () => lines.map((line) => JSON.parse(line)),
    release: () => {
      globalThis.webhooksLogger = undefined;
    },
  };
}
