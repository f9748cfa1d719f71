/** One header as it went over the wire, in order, duplicates kept. */
export type AttemptHeader = { name: string; value: string };

export type AttemptErrorKind =
  | "timeout"
  | "connection"
  | "dns"
  | "tls"
  | "http_status"
  | "redirect"
  | "blocked_target"
  | "invalid_url"
  | "other";

export type AttemptError = { kind: AttemptErrorKind; message: string };

export type AttemptResponse = {
  status: number;
  headers: Record<string, string | string[]>;
  /** UTF-8 text of at most RESPONSE_BODY_LIMIT bytes (after decompression). */
  body: string;
  /** The receiver sent more than was kept, or the body broke off before its end. */
  truncated: boolean;
};

/** What one send did: stored with the attempt and read by the retry policy. */
export type AttemptResult = {
  /** Any 2xx. */
  ok: boolean;
  startedAt: Date;
  durationMs: number;
  request: {
    method: string;
    url: string;
    /** What was actually sent, including the headers the sender adds. */
    headers: AttemptHeader[];
    body: Uint8Array | null;
  };
  /** Null when no response arrived (timeout, refused, DNS, TLS, blocked …). */
  response: AttemptResponse | null;
  error: AttemptError | null;
  /** From Retry-After on a 429 or 503; the retry policy decides how much of it to honour. */
  retryAfterMs: number | null;
};

/** Response bodies are kept for people reading the attempt log, not for processing. */
export const RESPONSE_BODY_LIMIT = 64 * 1024;
