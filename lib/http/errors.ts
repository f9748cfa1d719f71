import { ZodError } from "zod";
import { AppError, type ErrorCode, type ErrorText } from "../errors";
import { wordsOf } from "../i18n/catalog-words";
import { catalogs } from "../i18n/catalogs";
import { localeFromAcceptLanguage } from "../i18n/locales";
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

/** The error shape, and the catalog text of its message when a person may read it. */
export type MappedError = { status: number; body: ErrorBody; text?: ErrorText };

const NOT_FOUND: ErrorText = { key: "notFound.any" };
const ALREADY_EXISTS: ErrorText = { key: "alreadyExists" };
const INTERNAL: ErrorText = { key: "internal" };

/**
 * Maps any thrown value to the one error shape; internals of unexpected errors never leave.
 * They are logged instead, with the request's id, which the caller also sees in X-Request-Id.
 * `message` is English (the API's language); `text` lets the interface word it in the reader's.
 */
export function toErrorResponse(error: unknown, context: RequestLogContext = {}): MappedError {
  if (error instanceof AppError) {
    return {
      ...(error.text ? { text: error.text } : {}),
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
  if (code === "P2025") return textError(404, "not_found", NOT_FOUND);
  if (code === "P2002") return textError(409, "conflict", ALREADY_EXISTS);
  logger().error({ ...context, err: error }, "unexpected error");
  return textError(500, "internal", INTERNAL);
}

function textError(status: number, code: ErrorCode, text: ErrorText): MappedError {
  return { status, body: { error: { code, message: wordsOf("en", "serverErrors", text) } }, text };
}

/**
 * The error body in the language the caller's Accept-Language asks for, when the message is a
 * catalog text: only `message` changes; `code`, `field` and the details stay the API's.
 * Without the header, or for a language the interface lacks, it is the English one.
 */
export function bodyFor(mapped: MappedError, acceptLanguage: string | null): ErrorBody {
  if (!mapped.text) return mapped.body;
  const available = catalogs();
  const locale = localeFromAcceptLanguage(available.locales, acceptLanguage);
  if (!locale || locale === available.defaultLocale) return mapped.body;
  const message = wordsOf(locale, "serverErrors", mapped.text);
  return { error: { ...mapped.body.error, message } };
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
