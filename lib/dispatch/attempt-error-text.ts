import type { CatalogText, TextKey } from "../i18n/catalog-text";
import { fillTemplate, matchTemplates } from "../i18n/english-templates";

/**
 * The sentences a failed attempt's error is stored as (Attempt.error, the API's `error`, the
 * CSV), in English. The stored English is data: these forms stay as they are, so an attempt
 * stored long ago reads in the interface language as well as a new one, and messages/en.json's
 * "attemptErrors" must say exactly this (a unit test checks). The values keep what cannot be
 * translated: hosts, addresses, milliseconds, errno codes, OpenSSL's reason, the status line.
 * Errors of another form (blocked targets, bad URLs, a status line alone, anything else) are
 * shown as stored.
 */
export const ATTEMPT_ERRORS = {
  dnsTemporary: "DNS: lookup of {host} failed temporarily (EAI_AGAIN)",
  dnsNoRecords: "DNS: {host} has no address records",
  dnsNotResolving: "DNS: {host} does not resolve",
  dnsFailed: "DNS: lookup of {host} failed ({code})",
  tlsFailed: "TLS: handshake with {endpoint} failed: {reason} ({code})",
  refused: "connection refused by {endpoint}",
  reset: "connection reset by {endpoint} before a complete response",
  connectTimedOut: "timeout: connecting to {endpoint} timed out",
  unreachable: "cannot reach {endpoint} ({code})",
  lookupTimeout: "timeout: DNS lookup of {host} not finished within {ms} ms",
  connectTimeout: "timeout: could not connect to {host} within {ms} ms",
  tlsTimeout: "timeout: TLS handshake with {host} not finished within {ms} ms",
  responseTimeout: "timeout: no response within {ms} ms",
  redirectNoLocation: "{status} without a Location (not followed)",
  redirect: "{status} to {location} (redirects are not followed)",
} as const satisfies Record<TextKey<"attemptErrors">, string>;

export type AttemptErrorKey = keyof typeof ATTEMPT_ERRORS;

/** The stored English of one attempt error. */
export function attemptErrorMessage(
  key: AttemptErrorKey,
  values: Record<string, string | number> = {},
): string {
  return fillTemplate(ATTEMPT_ERRORS[key], values);
}

/** A stored attempt error as a catalog text, or null when it is not one of the forms above. */
export function attemptErrorText(stored: string): CatalogText<"attemptErrors"> | null {
  return matchTemplates(ATTEMPT_ERRORS, stored);
}
