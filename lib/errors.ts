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

/** The one error type services throw; route handlers and actions map it once. */
export class AppError extends Error {
  override name = "AppError";
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    /** Extra machine-readable detail sent with the error, e.g. the variables a copy lacks. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.status = STATUS_BY_CODE[code];
  }
}

export function notFound(what: string): AppError {
  return new AppError("not_found", `${what} not found`);
}

/** The text of anything thrown: an Error's message, else the value itself as text. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
