/**
 * A claimed delivery its worker may still hand back unsent. Until its request has a connected
 * socket, nothing of it can have reached the receiver (it waits for one of the sender's sockets
 * to the host, for a name lookup, for a connection), so a stopping worker withdraws it and
 * releases its lease rather than make the next worker wait for the lease to lapse. Once on the
 * wire it is never withdrawn: it finishes and its outcome is recorded.
 */
export class Withdrawal {
  #onWire = false;
  #withdrawn = false;
  #abort: (() => void) | null = null;

  get withdrawn(): boolean {
    return this.#withdrawn;
  }

  /** The request has a connected socket: from now on it is sent to the end. */
  markOnWire(): void {
    this.#onWire = true;
  }

  /** How to cancel the request while it waits; called at once if it was already withdrawn. */
  onWithdraw(abort: () => void): void {
    this.#abort = abort;
    if (this.#withdrawn) abort();
  }

  /** Withdraws the delivery unless its request is on the wire; true when it is withdrawn. */
  withdraw(): boolean {
    if (this.#onWire) return false;
    if (!this.#withdrawn) {
      this.#withdrawn = true;
      this.#abort?.();
    }
    return true;
  }
}
