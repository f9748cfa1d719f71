import { EventEmitter } from "node:events";

// Ingest and the in-process worker meet here: a new delivery wakes the worker at once instead
// of waiting for its next poll. Other processes still find the rows by polling.
const emitter = new EventEmitter();
emitter.setMaxListeners(100);

export function wakeWorkers(): void {
  emitter.emit("wake");
}

export function onWake(listener: () => void): () => void {
  emitter.on("wake", listener);
  return () => emitter.off("wake", listener);
}
