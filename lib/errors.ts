import type { CatalogText } from "./i18n/catalog-text";
import { wordsOf } from "./i18n/catalog-words";

export type ErrorCode =
  | "bad_request"
  | "validation_failed"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "locked"
  | "too_many_requests"
  | "payload_too_large"
  | "internal";

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 422,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  locked: 409,
  too_many_requests: 429,
  payload_too_large: 413,
  internal: 500,
};

/** What a person reads about a refusal: a key of the "serverErrors" catalog and its values. */
export type ErrorText = CatalogText<"serverErrors">;

/**
 * The one error type services throw; route handlers and actions map it once.
 *
 * A refusal a person can meet is thrown with its `text` (a catalog key and values): the
 * interface words it in the reader's language, and `message` is the same text in English,
 * read from messages/en.json, so each sentence is written once. The API and the logs keep
 * the English `message`. A plain string stays for what only an API client can meet.
 */
export class AppError extends Error {
  override name = "AppError";
  readonly status: number;
  readonly text: ErrorText | undefined;

  constructor(
    readonly code: ErrorCode,
    message: string | ErrorText,
    readonly field?: string,
    /** Extra machine-readable detail sent with the error, e.g. the variables a copy lacks. */
    readonly details?: Record<string, unknown>,
  ) {
    super(typeof message === "string" ? message : wordsOf("en", "serverErrors", message));
    this.status = STATUS_BY_CODE[code];
    this.text = typeof message === "string" ? undefined : message;
  }
}

/** The records a "… not found" is said of, by the name the routes give them. */
const NOT_FOUND = {
  Project: "notFound.project",
  "API key": "notFound.apiKey",
  Member: "notFound.member",
  "Pending invite": "notFound.invite",
  Delivery: "notFound.delivery",
  "Resend batch": "notFound.resendBatch",
  "Webhook event": "notFound.webhookEvent",
  Resource: "notFound.resource",
} as const satisfies Record<string, ErrorText["key"]>;

export type NotFoundSubject = keyof typeof NOT_FOUND;

export function notFound(what: NotFoundSubject): AppError {
  return new AppError("not_found", { key: NOT_FOUND[what] });
}

/** The text of anything thrown: an Error's message, else the value itself as text. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
