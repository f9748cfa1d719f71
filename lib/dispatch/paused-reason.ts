import type { CatalogText, TextKey } from "../i18n/catalog-text";
import { fillTemplate, matchTemplates } from "../i18n/english-templates";

/**
 * Why the worker paused a request, as stored in WebhookRequest.pausedReason and shown by the API.
 * The stored English is data: its form stays as it is here, so rows written before and after
 * read alike, and messages/en.json's "pausedReasons" must say exactly this (a unit test checks).
 */
export const PAUSED_REASONS = {
  gone: "Paused: the receiver answered 410 Gone",
  failures: "Paused after {count} failed deliveries in a row",
} as const satisfies Record<TextKey<"pausedReasons">, string>;

export const PAUSED_REASON_KEYS = ["gone", "failures"] as const satisfies ReadonlyArray<
  keyof typeof PAUSED_REASONS
>;

export function goneReason(): string {
  return PAUSED_REASONS.gone;
}

export function failuresReason(count: number): string {
  return fillTemplate(PAUSED_REASONS.failures, { count });
}

/**
 * A stored reason as a catalog text to word in the reader's language; a reason of another form
 * (written by hand, or by an older version) stays the text it is.
 */
export function pausedReasonText(
  stored: string,
): ({ namespace: "pausedReasons" } & CatalogText<"pausedReasons">) | string {
  const known = matchTemplates(PAUSED_REASONS, stored);
  return known ? { namespace: "pausedReasons", ...known } : stored;
}
