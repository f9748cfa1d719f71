import { ZodError } from "zod";
import { AppError, type ErrorCode } from "../errors";
import { logger } from "../observability/logger";

export type ErrorBody = {
  error: { code: ErrorCode; message: string; field?: string; [detail: string]: unknown };
};

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, part) => {
    if (typeof part === "number") return `${out}[${part}]`;
    return out ? `${out}.${String(part)}` : String(part);
  }, "");
}

function prismaCode(error: unknown): string | undefined {
  if (typeof error === "object" && error !== null && "code" in error) {
    const { code } = error;
    if (typeof code === "string" && /^P\d{4}$/.test(code)) return code;
  }
  return undefined;
}

/** What a log line of an unexpected error says about the request it broke. */
export type RequestLogContext = { requestId?: string; method?: string; path?: string };

/**
 * Maps any thrown value to the one error shape; internals of unexpected errors never leave.
 * They are logged instead, with the request's id, which the caller also sees in X-Request-Id.
 */
export function toErrorResponse(
  error: unknown,
  context: RequestLogContext = {},
): { status: number; body: ErrorBody } {
  if (error instanceof AppError) {
    return {
      status: error.status,
      body: {
        error: {
          ...error.details,
          code: error.code,
          message: error.message,
          ...(error.field ? { field: error.field } : {}),
        },
      },
    };
  }
  if (error instanceof ZodError) {
    const issue = error.issues[0];
    // Routes parse the body, or objects they build themselves from the path and the query:
    // an issue at the root is about the body as a whole (a number where an object belongs).
    const field = (issue && formatPath(issue.path)) || "body";
    const message = `${field}: ${issue?.message ?? "Invalid input"}`;
    return { status: 422, body: { error: { code: "validation_failed", message, field } } };
  }
  const code = prismaCode(error);
  if (code === "P2025")
    return { status: 404, body: { error: { code: "not_found", message: "Not found" } } };
  if (code === "P2002") {
    return { status: 409, body: { error: { code: "conflict", message: "That already exists" } } };
  }
  logger().error({ ...context, err: error }, "unexpected error");
  return {
    status: 500,
    body: { error: { code: "internal", message: "Something went wrong on our side" } },
  };
}

/** Field-level messages for forms: every zod issue keyed by its dotted path. */
export function toFieldErrors(error: ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = formatPath(issue.path) || "root";
    fields[key] ??= issue.message;
  }
  return fields;
}
